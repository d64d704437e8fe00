using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using HpcKit.Core;
using HpcKit.Core.Reporting;
using HpcKit.Diffraction.Crystal;
using HpcKit.Diffraction.Simulation;

namespace HpcKit.Cli.Modules.Diffraction;

/// <summary>`hpckit diffraction dataset`: random patterns in the spec's parameter boxes to a binary dataset.</summary>
internal static class DatasetVerb
{
    public static Command Create()
    {
        var cls = new Option<string>("--class") { Description = "cubic, trigonal, tetragonal or all", DefaultValueFactory = _ => "all" };
        var count = new Option<int>("--count") { Description = "Total patterns (split evenly over the classes)", DefaultValueFactory = _ => 3000 };
        var scale = new Option<string>("--scale") { Description = "Per-pattern scaling: minmax or none", DefaultValueFactory = _ => "minmax" };
        var mode = SimulateVerb.ModeOption();
        var seed = CommandKit.Seed();
        var threads = CommandKit.Threads();
        var output = CommandKit.Out("Binary dataset file (format in docs/diffraction.md)");
        var report = CommandKit.Report();
        var quiet = CommandKit.Quiet();
        var cmd = CommandKit.Verb("dataset", "Simulates random prototype patterns (uniform in the spec's boxes, exclusions redrawn) into a binary dataset.", "hpckit diffraction dataset --class all --count 10000 --out train.bin");
        foreach (var o in new Option[] { cls, count, scale, mode, seed, threads, output, report, quiet }) cmd.Add(o);
        cmd.SetAction(pr =>
        {
            string which = pr.GetValue(cls)!;
            PrototypeClass[] classes;
            if (which.Equals("all", StringComparison.OrdinalIgnoreCase)) classes = [PrototypeClass.Trigonal, PrototypeClass.Tetragonal, PrototypeClass.Cubic];
            else if (Prototypes.TryParse(which, out var one)) classes = [one];
            else throw new HpcKitUsageException($"--class must be cubic, trigonal, tetragonal or all (got '{which}')");
            int n = pr.GetValue(count);
            if (n < classes.Length) throw new HpcKitUsageException($"--count must be at least {classes.Length}");
            if (n % classes.Length != 0) throw new HpcKitUsageException($"--count must be a multiple of {classes.Length} (equal patterns per class)");
            bool minmax = pr.GetValue(scale)!.ToLowerInvariant() switch
            {
                "minmax" => true,
                "none" => false,
                var o => throw new HpcKitUsageException($"--scale must be minmax or none (got '{o}')"),
            };
            string outPath = pr.GetValue(output) ?? throw new HpcKitUsageException("--out FILE is required");
            int t = CommandKit.ApplyThreads(pr.GetValue(threads));
            bool q = pr.GetValue(quiet);
            var r = new RunReport("diffraction dataset") { Environment = EnvironmentInfo.Capture() };
            r.Parameter("classes", string.Join(",", classes)).Parameter("count", n).Parameter("seed", pr.GetValue(seed)).Parameter("threads", t).Parameter("minmax", minmax);
            var m = SimulateVerb.ParseMode(pr.GetValue(mode)!);
            r.Parameter("mode", m.ToString());
            using (r.Time("cache")) foreach (var c in classes) PrototypeSimulator.Get(c, m);
            var sw = Stopwatch.StartNew();
            Dataset ds;
            using (var bar = new ProgressBar("simulating", n, q))
                ds = BatchSimulator.Random(classes, n / classes.Length, pr.GetValue(seed), t, minmax, new Progress(bar), m);
            double sec = sw.Elapsed.TotalSeconds;
            r.AddTiming("simulate", sec);
            using (r.Time("write")) DatasetWriter.Write(outPath, ds);
            r.Result("patterns_per_second", n / sec);
            if (!q) Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{n} patterns × {ds.Bins} bins in {sec:F2} s ({n / sec:F0} patterns/s on {t} thread(s)); wrote {outPath} ({new FileInfo(outPath).Length / 1e6:F1} MB)"));
            CommandKit.SaveReport(r, pr.GetValue(report), q);
            return 0;
        });
        return cmd;
    }

    private sealed class Progress(ProgressBar bar) : IProgress<int>
    {
        public void Report(int value) => bar.Advance(value);
    }
}
