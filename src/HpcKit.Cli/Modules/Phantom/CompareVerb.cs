using System.CommandLine;
using HpcKit.Core.Reporting;
using HpcKit.Phantom.Accounting;
using HpcKit.Phantom.Experiments;
using HpcKit.Phantom.Model;
using HpcKit.Phantom.Training;

namespace HpcKit.Cli.Modules.Phantom;

/// <summary>`hpckit phantom compare`: E3, PP vs TP at equal width — loss vs step and energy, cost to ℓ*, byte and FLOP ratios.</summary>
internal static class CompareVerb
{
    public static Command Create()
    {
        var o = new PhantomOptions();
        var ghosts = new Option<string>("--ghosts") { Description = "Comma-separated k values for PP", DefaultValueFactory = _ => "8,32" };
        var seeds = new Option<int>("--seeds") { Description = "Seeds per configuration (model and data)", DefaultValueFactory = _ => 3 };
        var cmd = CommandKit.Verb("compare", "PP vs TP at equal width: ℓ* from TP, then steps, seconds, FLOPs, bytes and joules to ℓ* per seed (median, min–max).",
            "hpckit phantom compare --width 512 --ranks 2 --ghosts 8,32 --seeds 3 --steps 600 --out out/phantom/compare");
        PhantomOptions.AddAll(cmd, ghosts, seeds, o.Width, o.Ranks, o.Layers, o.Batch, o.Steps, o.Task, o.Activation, o.LearningRate, o.Warmup, o.EvalEvery,
            o.Validation, o.Energy, o.EmulateNoReduceScatter, o.Seed, o.Threads, o.Report, o.Out, o.Quiet);
        cmd.SetAction(p =>
        {
            var opts = o.Build(p, ParallelMode.Tensor);
            var ks = ProjectionTable.ParseList(p.GetValue(ghosts)!, "--ghosts");
            int s = p.GetValue(seeds);
            if (s < 1) throw new Core.HpcKitUsageException("--seeds must be at least 1");
            foreach (int k in ks) (opts.ShapedNetwork() with { Mode = ParallelMode.Phantom, Ghosts = k }).Validate();
            bool quiet = p.GetValue(o.Quiet);
            var exp = new CompareExperiment { Base = opts, Ghosts = ks, Seeds = s };
            CompareResult res;
            using (var bar = new ProgressBar("compare", (long)opts.Steps * s * (ks.Count + 1), quiet))
                res = exp.Run(quiet ? null : line => Console.Error.WriteLine(line), _ => bar.Advance());
            string dir = o.OutDir(p, "compare");
            var tp = res.Methods[0];
            var c = opts.ShapedNetwork();
            Console.WriteLine($"E3 matched width: n={c.Width} p={c.Ranks} L={c.Layers} B={c.Batch} task={opts.Task}, {s} seed(s), S_max={opts.Steps}; ℓ* = {PhantomOptions.F(res.Target)} (TP median at 80%)");
            Console.WriteLine($"energy source: {tp.Runs[0].EnergySource}{(tp.Runs[0].EnergyMeasured ? "" : $" — Modelled (time measured); RAPL: {TrainVerb.RaplWhyNot()}")}");
            var rows = new List<IReadOnlyList<string>>();
            var csv = new CsvTable("method", "k", "steps_to_target", "seconds_to_target", "joules_to_target", "flops_to_target", "bytes_to_target", "reached", "seeds",
                "median_step_ms", "final_loss", "flops_per_step_ratio", "bytes_per_step_ratio", "hidden_flop_ratio_closed", "hidden_byte_ratio_closed");
            foreach (var m in res.Methods)
            {
                var r0 = m.Runs[0];
                double fr = (double)r0.FlopsPerStepAllRanks / tp.Runs[0].FlopsPerStepAllRanks, br = (double)r0.BytesPerStepAllRanks / tp.Runs[0].BytesPerStepAllRanks;
                double cfr = m.Ghosts == 0 ? 1 : ClosedForm.FlopRatio(c.Width, c.Ranks, m.Ghosts), cbr = m.Ghosts == 0 ? 1 : ClosedForm.ByteRatio(c.Width, c.Ranks, m.Ghosts);
                rows.Add([m.Label, m.Steps.ToString(), m.Seconds.ToString(), m.Joules.ToString(), PhantomOptions.F(m.StepSeconds.Median * 1e3, "F2"), m.FinalLoss.ToString(),
                    PhantomOptions.F(fr), PhantomOptions.F(br)]);
                csv.Add(m.Label, m.Ghosts, m.Steps.Median, m.Seconds.Median, m.Joules.Median, m.Flops.Median, m.Bytes.Median, m.Steps.Reached, m.Steps.Runs,
                    m.StepSeconds.Median * 1e3, m.FinalLoss.Median, fr, br, cfr, cbr);
            }
            CommandKit.PrintTable(["method", "steps to ℓ*", "seconds to ℓ*", "joules to ℓ*", "ms/step", "final loss", "FLOPs/step ÷TP", "bytes/step ÷TP"], rows);
            csv.Save(Path.Combine(dir, "summary.csv"));
            Plots(res, dir);
            var report = new RunReport("phantom compare");
            report.Parameter("n", c.Width).Parameter("p", c.Ranks).Parameter("L", c.Layers).Parameter("B", c.Batch).Parameter("ghosts", ks).Parameter("seeds", s)
                .Parameter("steps", opts.Steps).Parameter("task", opts.Task.ToString()).Parameter("lr", opts.LearningRate).Parameter("warmup", opts.WarmupSteps);
            report.Result("target_loss", res.Target).Result("target_rule", "median TP validation loss at 80% of S_max, fixed before any PP run");
            report.Result("energy_source", tp.Runs[0].EnergySource).Result("energy_provenance", tp.Runs[0].EnergyMeasured ? "Measured" : "Modelled (time measured)");
            report.Result("methods", res.Methods.Select(m => new
            {
                m.Label, m.Ghosts, steps = m.Steps, seconds = m.Seconds, joules = m.Joules, flops = m.Flops, bytes = m.Bytes, step_seconds = m.StepSeconds, final_loss = m.FinalLoss,
                runs = m.Runs.Select(r => new { seed = r.DataSeed, r.AtTarget, r.MedianStepSeconds, r.Counted, r.ClosedForm, r.Trace }),
            }));
            CommandKit.SaveReport(report, p.GetValue(o.Report) ?? Path.Combine(dir, "report.json"), quiet);
            return 0;
        });
        return cmd;
    }

    private static void Plots(CompareResult res, string dir)
    {
        var ls = new SvgPlot("PP vs TP: validation loss (median over seeds)", "step", "validation loss") { LogY = true };
        var le = new SvgPlot("PP vs TP: validation loss vs training energy (median over seeds)", "training energy, J (source in report)", "validation loss") { LogY = true };
        foreach (var m in res.Methods)
        {
            int points = m.Runs.Min(r => r.Trace.Count);
            var steps = Enumerable.Range(0, points).Select(i => (double)m.Runs[0].Trace[i].Step).ToArray();
            var loss = Enumerable.Range(0, points).Select(i => Summary.Of(m.Runs.Select(r => (double?)r.Trace[i].ValidationLoss)).Median).ToArray();
            var joules = Enumerable.Range(0, points).Select(i => Summary.Of(m.Runs.Select(r => (double?)r.Trace[i].Joules)).Median).ToArray();
            ls.LineMarkers(m.Label, steps, loss);
            le.LineMarkers(m.Label, joules, loss);
        }
        ls.ReferenceLine(res.Target, false, "ℓ*");
        le.ReferenceLine(res.Target, false, "ℓ*");
        ls.Save(Path.Combine(dir, "loss_vs_step.svg"));
        le.Save(Path.Combine(dir, "loss_vs_energy.svg"));
        var tp = res.Methods[0].Runs[0];
        var cats = res.Methods.Skip(1).Select(m => m.Label).ToList();
        var bars = new SvgPlot("Per-step cost PP ÷ TP (counted, whole step, all ranks)", "", "ratio");
        bars.Bars("FLOPs", cats, res.Methods.Skip(1).Select(m => (double)m.Runs[0].FlopsPerStepAllRanks / tp.FlopsPerStepAllRanks).ToArray());
        bars.Bars("bytes", cats, res.Methods.Skip(1).Select(m => (double)m.Runs[0].BytesPerStepAllRanks / tp.BytesPerStepAllRanks).ToArray());
        bars.Save(Path.Combine(dir, "ratios.svg"));
    }
}
