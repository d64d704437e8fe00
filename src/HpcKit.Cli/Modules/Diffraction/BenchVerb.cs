using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using HpcKit.Core;
using HpcKit.Core.Random;
using HpcKit.Core.Reporting;
using HpcKit.Diffraction.Crystal;
using HpcKit.Diffraction.Instruments;
using HpcKit.Diffraction.Simulation;

namespace HpcKit.Cli.Modules.Diffraction;

/// <summary>
/// `hpckit diffraction bench`: patterns/s/core of the fast path per prototype (default grid, NOMAD bank 4) on 1 and
/// 2 threads, medians of repeated runs; where the time goes (peak placement vs profile accumulation); general path.
/// </summary>
internal static class BenchVerb
{
    public static Command Create()
    {
        var count = new Option<int>("--count") { Description = "Patterns per timed run", DefaultValueFactory = _ => 2000 };
        var runs = new Option<int>("--runs") { Description = "Timed runs per configuration (median reported)", DefaultValueFactory = _ => 5 };
        var general = new Option<int>("--general") { Description = "Patterns per class on the general path (0 to skip)", DefaultValueFactory = _ => 3 };
        var output = CommandKit.Out("CSV of the measurements");
        var report = CommandKit.Report();
        var quiet = CommandKit.Quiet();
        var cmd = CommandKit.Verb("bench", "Measures simulator throughput (patterns/s/core) for the three prototypes on 1 and 2 threads.", "hpckit diffraction bench --count 2000 --runs 5 --out bench.csv");
        foreach (var o in new Option[] { count, runs, general, output, report, quiet }) cmd.Add(o);
        cmd.SetAction(pr =>
        {
            int n = pr.GetValue(count), nr = pr.GetValue(runs), ng = pr.GetValue(general);
            if (n < 1 || nr < 1 || ng < 0) throw new HpcKitUsageException("--count and --runs must be positive, --general non-negative");
            var env = EnvironmentInfo.Capture();
            var r = new RunReport("diffraction bench") { Environment = env };
            var csv = new CsvTable("class", "threads", "patterns_per_s", "patterns_per_s_per_core", "us_per_pattern", "peaks_per_pattern", "placement_us", "profile_us", "cache_build_s", "general_patterns_per_s");
            var rows = new List<IReadOnlyList<string>>();
            Console.WriteLine($"cpu {env.CpuModel}, {env.LogicalCores} logical cores, {env.Runtime}; grid {TofGrid.Default.Count} bins; medians of {nr} runs of {n} patterns");
            foreach (var cls in new[] { PrototypeClass.Cubic, PrototypeClass.Trigonal, PrototypeClass.Tetragonal })
            {
                var swc = Stopwatch.StartNew();
                var sim = PrototypeSimulator.Get(cls);
                double cache = swc.Elapsed.TotalSeconds;
                var box = ParameterBox.For(cls);
                var pts = new CellParameters[n];
                for (int i = 0; i < n; i++) { var rng = new RandomStream(99, (ulong)i); pts[i] = box.Sample(ref rng); }
                // peaks per pattern and placement-only time (1 thread)
                long peaks = 0;
                foreach (var p in pts) peaks += sim.CountPeaks(p);
                double place = Median(nr, () => { foreach (var p in pts) sim.CountPeaks(p); }) / n;
                double gen = 0;
                if (ng > 0)
                {
                    var y = new float[TofGrid.Default.Count];
                    var swg = Stopwatch.StartNew();
                    for (int i = 0; i < ng; i++) new TofSimulator(Prototypes.At(cls, pts[i]), TofInstrument.NomadBank4, TofGrid.Default).Simulate(y);
                    gen = ng / swg.Elapsed.TotalSeconds;
                }
                foreach (int t in new[] { 1, 2 })
                {
                    double sec = Median(nr, () => Parallel.For(0, t, new ParallelOptions { MaxDegreeOfParallelism = t }, w =>
                    {
                        var y = new float[TofGrid.Default.Count];
                        var (lo, hi) = (n * w / t, n * (w + 1) / t);
                        for (int i = lo; i < hi; i++) sim.Simulate(pts[i], y);
                    }));
                    double rate = n / sec, per = sec / n * t;
                    csv.Add(cls.ToString(), t, rate, rate / t, per * 1e6, (double)peaks / n, place * 1e6, Math.Max(0, per - place) * 1e6, cache, gen);
                    rows.Add([cls.ToString(), t.ToString(CultureInfo.InvariantCulture), F(rate), F(rate / t), F(per * 1e6), F((double)peaks / n), F(place * 1e6), F((per - place) * 1e6), F(cache), F(gen)]);
                    r.Result($"{cls.ToString().ToLowerInvariant()}_{t}t_patterns_per_s_per_core", rate / t);
                }
            }
            CommandKit.PrintTable(["class", "threads", "patterns/s", "per core", "µs/pattern", "peaks", "placement µs", "profile µs", "cache s", "general pat/s"], rows);
            Console.WriteLine("placement = keys, d, ΣF², TOF, intensity (1 thread); profile = kernel-table accumulation (µs/pattern·core minus placement)");
            if (pr.GetValue(output) is string o) csv.Save(o);
            CommandKit.SaveReport(r, pr.GetValue(report), pr.GetValue(quiet));
            return 0;
        });
        return cmd;
    }

    private static string F(double v) => v.ToString(v >= 100 ? "F0" : "F2", CultureInfo.InvariantCulture);

    private static double Median(int runs, Action work)
    {
        work(); // warm-up
        var t = new double[runs];
        for (int i = 0; i < runs; i++)
        {
            var sw = Stopwatch.StartNew();
            work();
            t[i] = sw.Elapsed.TotalSeconds;
        }
        Array.Sort(t);
        return t[runs / 2];
    }
}
