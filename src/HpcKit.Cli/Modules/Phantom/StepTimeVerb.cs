using System.CommandLine;
using HpcKit.Core.Reporting;
using HpcKit.Phantom.Experiments;
using HpcKit.Phantom.Model;

namespace HpcKit.Cli.Modules.Phantom;

/// <summary>`hpckit phantom steptime`: measured per-step time of PP vs TP at equal width, with counted FLOP and byte ratios.</summary>
internal static class StepTimeVerb
{
    public static Command Create()
    {
        var o = new PhantomOptions();
        var widths = new Option<string>("--widths") { Description = "Widths n", DefaultValueFactory = _ => "1024,2048,4096" };
        var ghosts = new Option<string>("--ghosts") { Description = "PP ghost counts k", DefaultValueFactory = _ => "8,32,128" };
        var repeats = new Option<int>("--repeats") { Description = "Interleaved repeats (median reported)", DefaultValueFactory = _ => 3 };
        var cmd = CommandKit.Verb("steptime", "Measures per-step time of PP(n, p, k) and TP(n, p), interleaved, median of repeats; prints counted vs closed-form ratios.",
            "hpckit phantom steptime --widths 1024,2048,4096 --ghosts 8,32,128 --ranks 2 --batch 256 --steps 10 --repeats 3");
        PhantomOptions.AddAll(cmd, widths, ghosts, repeats, o.Ranks, o.Layers, o.Batch, o.Steps, o.Seed, o.Threads, o.Report, o.Out, o.Quiet);
        o.Steps.DefaultValueFactory = _ => 10;
        o.Batch.DefaultValueFactory = _ => 256;
        cmd.SetAction(p =>
        {
            var opts = o.Build(p, ParallelMode.Tensor) with { Energy = "model", WarmupSteps = 1 };
            var ns = ProjectionTable.ParseList(p.GetValue(widths)!, "--widths");
            var ks = ProjectionTable.ParseList(p.GetValue(ghosts)!, "--ghosts");
            int reps = p.GetValue(repeats);
            if (reps < 1) throw new Core.HpcKitUsageException("--repeats must be at least 1");
            if (opts.Steps < 2) throw new Core.HpcKitUsageException("--steps must be at least 2 (the first step is excluded)");
            foreach (int n in ns)
                foreach (int k in ks)
                    (opts.ShapedNetwork() with { Mode = ParallelMode.Phantom, Width = n, Ghosts = k }).Validate();
            bool quiet = p.GetValue(o.Quiet);
            var rows = StepTimeBenchmark.Run(opts, ns, ks, opts.Steps, reps, quiet ? null : line => Console.Error.WriteLine(line));
            string dir = o.OutDir(p, "steptime");
            int cores = Environment.ProcessorCount;
            Console.WriteLine($"MEASURED per-step time (forward + backward + Adam), p={opts.Network.Ranks} thread ranks on {cores} logical cores, 1 BLAS thread per rank, "
                + $"B={opts.Network.Batch}, L={opts.Network.Layers}, fp32; median of {reps} interleaved repeats of the median of {opts.Steps - 1} steps. Shared machine.");
            var csv = new CsvTable("n", "p", "k", "tp_ms", "pp_ms", "pp_over_tp", "tp_repeats_ms", "pp_repeats_ms", "step_flop_ratio_counted", "step_flop_ratio_closed",
                "hidden_flop_ratio_counted", "hidden_flop_ratio_formula", "hidden_word_ratio_counted", "k_over_m");
            var table = new List<IReadOnlyList<string>>();
            foreach (var r in rows)
            {
                double formula = 1.0 / r.Ranks + (double)r.Ranks * r.Ghosts / r.Width;
                csv.Add(r.Width, r.Ranks, r.Ghosts, r.TpSeconds * 1e3, r.PpSeconds * 1e3, r.PpSeconds / r.TpSeconds, string.Join(' ', r.TpRepeats.Select(x => PhantomOptions.F(x * 1e3, "F1"))),
                    string.Join(' ', r.PpRepeats.Select(x => PhantomOptions.F(x * 1e3, "F1"))), r.FlopRatioCounted, r.FlopRatioClosed, r.HiddenFlopRatio, formula, r.ByteRatioCounted, r.HiddenByteRatio);
                table.Add([r.Width.ToString(), r.Ghosts.ToString(), PhantomOptions.F(r.TpSeconds * 1e3, "F1"), PhantomOptions.F(r.PpSeconds * 1e3, "F1"),
                    PhantomOptions.F(r.PpSeconds / r.TpSeconds, "F3"), PhantomOptions.F(r.HiddenFlopRatio, "G6"), PhantomOptions.F(formula, "G6"),
                    PhantomOptions.F(r.ByteRatioCounted, "G6"), PhantomOptions.F(r.HiddenByteRatio, "G6")]);
            }
            CommandKit.PrintTable(["n", "k", "TP ms", "PP ms", "PP/TP time", "hidden FLOPs PP/TP", "1/p+pk/n", "hidden words PP/TP", "k/m"], table);
            csv.Save(Path.Combine(dir, "steptime.csv"));
            var plot = new SvgPlot($"Measured step time PP ÷ TP (p={opts.Network.Ranks}, B={opts.Network.Batch}, L={opts.Network.Layers})", "ghosts k", "PP/TP step time") { LogX = true };
            foreach (int n in ns)
            {
                var nr = rows.Where(r => r.Width == n).ToList();
                plot.LineMarkers($"n={n} measured", nr.Select(r => (double)r.Ghosts).ToArray(), nr.Select(r => r.PpSeconds / r.TpSeconds).ToArray());
                plot.Line($"n={n} FLOP ratio", nr.Select(r => (double)r.Ghosts).ToArray(), nr.Select(r => r.FlopRatioClosed).ToArray());
            }
            plot.ReferenceLine(1, false, "TP");
            plot.Save(Path.Combine(dir, "steptime.svg"));
            var report = new RunReport("phantom steptime");
            report.Parameter("widths", ns).Parameter("ghosts", ks).Parameter("p", opts.Network.Ranks).Parameter("B", opts.Network.Batch).Parameter("L", opts.Network.Layers)
                .Parameter("steps", opts.Steps).Parameter("repeats", reps);
            report.Result("provenance", "measured on a shared machine").Result("rows", rows);
            CommandKit.SaveReport(report, p.GetValue(o.Report) ?? Path.Combine(dir, "report.json"), quiet);
            return 0;
        });
        return cmd;
    }
}
