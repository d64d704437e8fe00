using System.CommandLine;
using HpcKit.Core;
using HpcKit.Core.Comm;
using HpcKit.Core.Energy;
using HpcKit.Core.Reporting;
using HpcKit.Phantom.Accounting;
using HpcKit.Phantom.Experiments;
using HpcKit.Phantom.Model;
using HpcKit.Phantom.Training;

namespace HpcKit.Cli.Modules.Phantom;

/// <summary>`hpckit phantom train`: one configuration, threads by default, MPI ranks under mpirun.</summary>
internal static class TrainVerb
{
    public static Command Create()
    {
        var o = new PhantomOptions();
        var mode = new Option<string>("--mode") { Description = "pp, tp or dense", DefaultValueFactory = _ => "pp" };
        var tp = new Option<string>("--tp") { Description = "TP variant: 1d (output partition) or megatron", DefaultValueFactory = _ => "1d" };
        var target = new Option<double?>("--target") { Description = "Target validation loss ℓ* (report N(ℓ*) and cost to it)" };
        var stop = new Option<bool>("--stop-at-target") { Description = "Stop once N(ℓ*) is confirmed" };
        var cmd = CommandKit.Verb("train", "Trains one FFN configuration with PP, TP or dense; reports counts, losses, time and energy with its source.",
            "hpckit phantom train --mode pp --width 512 --ranks 2 --ghosts 16 --steps 300 --out out/phantom/train");
        PhantomOptions.AddAll(cmd, mode, tp, target, stop, o.Width, o.Ranks, o.Ghosts, o.Layers, o.Batch, o.Steps, o.Task, o.Activation, o.LearningRate, o.Warmup,
            o.EvalEvery, o.Validation, o.Energy, o.EmulateNoReduceScatter, o.Seed, o.Threads, o.Report, o.Out, o.Quiet);
        cmd.SetAction(p =>
        {
            var m = p.GetValue(mode)!.ToLowerInvariant() switch
            {
                "pp" or "phantom" => ParallelMode.Phantom,
                "tp" => p.GetValue(tp)!.ToLowerInvariant() switch
                {
                    "1d" => ParallelMode.Tensor,
                    "megatron" => ParallelMode.Megatron,
                    var v => throw new HpcKitUsageException($"--tp '{v}' is not 1d or megatron"),
                },
                "dense" => ParallelMode.Tensor,
                var v => throw new HpcKitUsageException($"--mode '{v}' is not pp, tp or dense"),
            };
            var opts = o.Build(p, m) with { TargetLoss = p.GetValue(target), StopAtTarget = p.GetValue(stop) };
            if (p.GetValue(mode)!.Equals("dense", StringComparison.OrdinalIgnoreCase))
            {
                if (MpiCommunicator.IsLaunchedByMpirun && MpiCommunicator.World.Size > 1) throw new HpcKitUsageException("--mode dense runs on one rank; do not start it with mpirun -np > 1");
                opts = opts with { Network = opts.Network with { Ranks = 1 } };
            }
            bool quiet = p.GetValue(o.Quiet);
            var transport = MpiCommunicator.IsLaunchedByMpirun ? RankTransport.Mpi : RankTransport.Threads;
            bool root = transport == RankTransport.Threads || MpiCommunicator.World.Rank == 0;
            TrainResult r;
            using (var bar = new ProgressBar("train", opts.Steps, quiet || !root))
                r = RunLauncher.Train(opts, transport, _ => bar.Advance());
            if (!root) return 0;
            string dir = o.OutDir(p, "train");
            Print(r, opts);
            var report = ToReport(r, opts);
            Plot(r, dir);
            report.Result("plot", Path.Combine(dir, "loss.svg"));
            CommandKit.SaveReport(report, p.GetValue(o.Report) ?? Path.Combine(dir, "report.json"), quiet);
            return 0;
        });
        return cmd;
    }

    private static void Print(TrainResult r, TrainOptions o)
    {
        var c = r.Network;
        Console.WriteLine($"{Label(c)}  L={c.Layers} B={c.Batch} d_in={c.InputDim} d_out={c.OutputDim} task={r.Task} transport={r.Transport}");
        CommandKit.PrintTable(["per rank, per step", "counted", "closed form"],
        [
            ["GEMM FLOPs", r.Counted.GemmFlops.ToString(), r.ClosedForm.GemmFlops.ToString()],
            ["words sent", r.Counted.WordsSent.ToString(), r.ClosedForm.WordsSent.ToString()],
            ["words received", r.Counted.WordsReceived.ToString(), r.ClosedForm.WordsReceived.ToString()],
            ["collectives", r.Counted.Collectives.ToString(), r.ClosedForm.Collectives.ToString()],
            ["hidden weights / layer", r.Counted.HiddenWeightsPerLayer.ToString(), r.ClosedForm.HiddenWeightsPerLayer.ToString()],
            ["kept activations / layer", r.Counted.HiddenKeptActivationsPerLayer.ToString(), r.ClosedForm.HiddenKeptActivationsPerLayer.ToString()],
        ]);
        Console.WriteLine($"steps {r.StepsRun}; final validation loss {PhantomOptions.F(r.FinalValidationLoss)}"
            + (r.Task == TaskKind.Classification ? $", accuracy {PhantomOptions.F(r.Trace[^1].Accuracy ?? double.NaN, "F3")}" : ""));
        Console.WriteLine($"median step {PhantomOptions.F(r.MedianStepSeconds * 1e3, "F2")} ms (measured, rank 0); training {PhantomOptions.F(r.TrainSeconds, "F2")} s");
        Console.WriteLine($"energy: training {PhantomOptions.F(r.TrainJoules, "F1")} J, evaluation {PhantomOptions.F(r.EvalJoules, "F1")} J — {r.EnergySource}"
            + (r.EnergyMeasured ? "" : $" [Modelled; RAPL: {RaplWhyNot()}]"));
        if (o.TargetLoss is double t)
            Console.WriteLine(r.AtTarget is { } e
                ? $"ℓ* = {PhantomOptions.F(t)}: N(ℓ*) = {e.Step} steps, {PhantomOptions.F(e.Seconds, "F2")} s, {PhantomOptions.F(e.Flops)} FLOPs, {PhantomOptions.F(e.Bytes)} bytes, {PhantomOptions.F(e.Joules, "F1")} J"
                : $"ℓ* = {PhantomOptions.F(t)}: not reached in {r.StepsRun} steps");
    }

    internal static string RaplWhyNot() => RaplEnergyMeter.TryOpen(out string why) == null ? why : "readable";

    internal static string Label(NetworkConfig c) => c.Mode switch
    {
        ParallelMode.Phantom => $"PP n={c.Width} p={c.Ranks} k={c.Ghosts}",
        ParallelMode.Megatron => $"TP(megatron) n={c.Width} p={c.Ranks}",
        _ => c.Ranks == 1 ? $"dense n={c.Width}" : $"TP n={c.Width} p={c.Ranks}",
    };

    internal static RunReport ToReport(TrainResult r, TrainOptions o)
    {
        var c = r.Network;
        var rep = new RunReport("phantom train");
        rep.Parameter("mode", c.Mode.ToString()).Parameter("n", c.Width).Parameter("p", c.Ranks).Parameter("k", c.Ghosts).Parameter("L", c.Layers)
            .Parameter("B", c.Batch).Parameter("d_in", c.InputDim).Parameter("d_out", c.OutputDim).Parameter("task", r.Task.ToString())
            .Parameter("model_seed", c.Seed).Parameter("data_seed", r.DataSeed).Parameter("steps", o.Steps).Parameter("lr", o.LearningRate)
            .Parameter("warmup", o.WarmupSteps).Parameter("optimizer", "HpcKit.Neural Adam(0.9, 0.999, 1e-8)").Parameter("precision", "fp32")
            .Parameter("activation", c.Activation.ToString()).Parameter("transport", r.Transport)
            .Parameter("init", "input N(0,2/d_in); head N(0,1/n); TP W N(0,g/n); PP W_rr N(0,g/n), C N(0,1/m), D N(0,(g/n)(m/k)); b=0 (project choice)");
        rep.Result("counted_per_step", r.Counted).Result("closed_form_per_step", r.ClosedForm)
            .Result("counts_equal_closed_form", r.Counted == r.ClosedForm)
            .Result("reduce_scatter_emulated", r.ReduceScatterEmulated)
            .Result("median_step_seconds", r.MedianStepSeconds).Result("train_seconds", r.TrainSeconds)
            .Result("flops_per_step_all_ranks", r.FlopsPerStepAllRanks).Result("bytes_per_step_all_ranks", r.BytesPerStepAllRanks)
            .Result("energy_source", r.EnergySource).Result("energy_provenance", r.EnergyMeasured ? "Measured" : "Modelled (time measured, joules from the model)")
            .Result("train_joules", r.TrainJoules).Result("eval_joules", r.EvalJoules)
            .Result("parameters_all_ranks", r.ParametersAllRanks)
            .Result("target_loss", r.TargetLoss).Result("at_target", r.AtTarget)
            .Result("final_validation_loss", r.FinalValidationLoss)
            .Result("trace", r.Trace).Result("step_losses", r.StepLosses);
        rep.AddTiming("train", r.TrainSeconds);
        return rep;
    }

    private static void Plot(TrainResult r, string dir)
    {
        var plot = new SvgPlot($"{Label(r.Network)}: loss", "step", "loss") { LogY = true };
        plot.Line("train (per step)", Enumerable.Range(1, r.StepLosses.Length).Select(i => (double)i).ToArray(), r.StepLosses);
        plot.LineMarkers("validation", r.Trace.Select(e => (double)e.Step).ToArray(), r.Trace.Select(e => e.ValidationLoss).ToArray());
        if (r.TargetLoss is double t) plot.ReferenceLine(t, false, "ℓ*");
        plot.Save(Path.Combine(dir, "loss.svg"));
        var csv = new CsvTable("step", "validation_loss", "accuracy", "train_loss", "seconds", "joules", "flops", "bytes");
        foreach (var e in r.Trace) csv.Add(e.Step, e.ValidationLoss, e.Accuracy, e.TrainLoss, e.Seconds, e.Joules, e.Flops, e.Bytes);
        csv.Save(Path.Combine(dir, "trace.csv"));
    }
}
