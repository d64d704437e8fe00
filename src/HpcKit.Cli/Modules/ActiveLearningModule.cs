using System.CommandLine;
using System.Globalization;
using HpcKit.Cli.Modules.ActiveLearning;
using HpcKit.Core.Reporting;
using HpcKit.Diffraction.ActiveLearning;

namespace HpcKit.Cli.Modules;

/// <summary>`hpckit al`: active learning and the serial/streaming workflows on the diffraction simulator (arXiv:2506.11100).</summary>
internal sealed class ActiveLearningModule : ICliModule
{
    public int Order => 45;

    public string Name => "al";

    public Command Create()
    {
        var g = CommandKit.Group("al", "Active learning for structure-finding CNNs on simulated TOF powder patterns, and the serial/streaming workflows.",
            "hpckit al run --policy uncertainty --rounds 3 --preset quick",
            "hpckit al compare --seeds 5 --preset quick",
            "hpckit al where --preset quick",
            "hpckit al workflow --mode both --simulator general --preset tiny",
            "hpckit al predict out/al/run/model.safetensors pattern.csv");
        g.Add(RunVerb.Create(false));
        g.Add(CompareVerb.Create());
        g.Add(RunVerb.Create(true));
        g.Add(WorkflowVerb.Create());
        g.Add(PredictVerb.Create());
        return g;
    }

    public void Quickstart(string dir, RunReport report, bool quiet)
    {
        // Tiny preset on the fast simulator: AL for one round, then serial and streaming on the same seed.
        var preset = AlPreset.Tiny;
        var sim = PrototypePatternSimulator.Fast;
        var factory = AlOptions.ModelFactory(preset, sim.Width);
        var results = new List<WorkflowResult>();
        foreach (var mode in new[] { WorkflowMode.Serial, WorkflowMode.Streaming })
        {
            var r = WorkflowRunner.Run(preset, sim, factory, new UncertaintyPolicy(), 1, new WorkflowOptions(mode, 2, 1, 1));
            results.Add(r);
            var plot = new SvgPlot($"al {mode}: stage timeline (makespan {r.Makespan:F2} s)", "seconds since start", "lane");
            foreach (var s in r.Stages) plot.Span(s.Lane, s.Start, Math.Max(s.End, s.Start + 1e-6), StageTimeline.StageKind(s.Stage));
            plot.Save(Path.Combine(dir, $"gantt_{mode.ToString().ToLowerInvariant()}.svg"));
            report.Result($"al_{mode.ToString().ToLowerInvariant()}_makespan_s", r.Makespan).Result($"al_{mode.ToString().ToLowerInvariant()}_accuracy", r.Final.Accuracy);
            if (!quiet)
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"al {mode,-9}: makespan {r.Makespan:F2} s, {r.TrainPatterns} training patterns, test accuracy {r.Final.Accuracy:F2} (tiny preset: a smoke run, not a measurement)"));
        }
        AlPlots.Where(results[0].Batches, CrystalClass.Trigonal).Save(Path.Combine(dir, "where_trigonal.svg"));
    }
}
