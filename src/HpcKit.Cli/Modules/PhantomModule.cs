using System.CommandLine;
using HpcKit.Cli.Modules.Phantom;
using HpcKit.Core.Reporting;
using HpcKit.Phantom.Experiments;
using HpcKit.Phantom.Model;
using HpcKit.Phantom.Training;

namespace HpcKit.Cli.Modules;

/// <summary>`hpckit phantom`: phantom parallelism vs tensor parallelism for FFN training (arXiv:2508.00960, our spec).</summary>
internal sealed class PhantomModule : ICliModule
{
    public int Order => 3;

    public string Name => "phantom";

    public Command Create()
    {
        var g = CommandKit.Group("phantom", "Phantom parallelism (PP) vs tensor parallelism (TP) for FFN training: exact counts, time, energy to a target loss.",
            "hpckit phantom train --mode pp --width 512 --ranks 2 --ghosts 16",
            "hpckit phantom compare --width 512 --ranks 2 --ghosts 8,32 --seeds 3",
            "hpckit phantom smaller --seeds 3",
            "hpckit phantom project --ranks 2..256 --width 4096 --ghosts 8,32",
            "hpckit phantom steptime --widths 1024,2048 --ghosts 8,32,128",
            "hpckit phantom counts --width 2048 --ranks 2 --ghosts 32",
            "hpckit phantom calibrate --width 2048 --ranks 2,4,8 --ghosts 8,32");
        g.Add(TrainVerb.Create());
        g.Add(CompareVerb.Create());
        g.Add(SmallerVerb.Create());
        g.Add(ProjectVerb.Create());
        g.Add(StepTimeVerb.Create());
        g.Add(CountsVerb.Create());
        g.Add(CalibrateVerb.Create());
        return g;
    }

    public void Quickstart(string dir, RunReport report, bool quiet)
    {
        ArgumentNullException.ThrowIfNull(report);
        var baseCfg = new NetworkConfig { Width = 128, Ranks = 2, Ghosts = 8, Layers = 2, Batch = 32, Seed = 1 };
        var o = new TrainOptions { Network = baseCfg, Steps = 100, WarmupSteps = 20, ValidationSize = 512, Energy = "model" };
        var tp = RunLauncher.Train(o with { Network = baseCfg with { Mode = ParallelMode.Tensor } });
        var pp = RunLauncher.Train(o);
        var plot = new SvgPlot("PP vs TP (n=128, p=2, k=8): validation loss", "step", "validation MSE") { LogY = true };
        plot.LineMarkers("TP", tp.Trace.Select(e => (double)e.Step).ToArray(), tp.Trace.Select(e => e.ValidationLoss).ToArray());
        plot.LineMarkers("PP k=8", pp.Trace.Select(e => (double)e.Step).ToArray(), pp.Trace.Select(e => e.ValidationLoss).ToArray());
        plot.Save(Path.Combine(dir, "loss.svg"));
        report.Result("phantom_tp_final_loss", tp.FinalValidationLoss).Result("phantom_pp_final_loss", pp.FinalValidationLoss)
            .Result("phantom_bytes_ratio", (double)pp.BytesPerStepAllRanks / tp.BytesPerStepAllRanks)
            .Result("phantom_flop_ratio", (double)pp.FlopsPerStepAllRanks / tp.FlopsPerStepAllRanks);
        if (!quiet)
            Console.WriteLine($"phantom: TP loss {PhantomOptions.F(tp.FinalValidationLoss)}, PP(k=8) loss {PhantomOptions.F(pp.FinalValidationLoss)}; "
                + $"per-step bytes PP/TP {PhantomOptions.F((double)pp.BytesPerStepAllRanks / tp.BytesPerStepAllRanks)}, FLOPs {PhantomOptions.F((double)pp.FlopsPerStepAllRanks / tp.FlopsPerStepAllRanks)}; plot {Path.Combine(dir, "loss.svg")}");
    }
}
