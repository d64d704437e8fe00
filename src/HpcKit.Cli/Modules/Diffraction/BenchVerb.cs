using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using HpcKit.Core;
using HpcKit.Core.Random;
using HpcKit.Core.Reporting;
using HpcKit.Diffraction.Crystal;
using HpcKit.Diffraction.Instruments;
using HpcKit.Diffraction.Profiles;
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
        var general = new Option<int>("--general") { Description = "Patterns per class on the general path (0 to skip)", DefaultValueFactory = _ => 10 };
        var output = CommandKit.Out("CSV of the measurements");
        var report = CommandKit.Report();
        var quiet = CommandKit.Quiet();
        var cmd = CommandKit.Verb("bench", "Measures simulator throughput (patterns/s/core) for the three prototypes on 1 and 2 threads.", "hpckit diffraction bench --count 2000 --runs 5 --out bench.csv");
        foreach (var o in new Option[] { count, runs, general, output, report, quiet }) cmd.Add(o);
        cmd.SetAction(pr =>
        {
            int nBase = pr.GetValue(count), nr = pr.GetValue(runs), ng = pr.GetValue(general);
            if (nBase < 1 || nr < 1 || ng < 0) throw new HpcKitUsageException("--count and --runs must be positive, --general non-negative");
            var env = EnvironmentInfo.Capture();
            var r = new RunReport("diffraction bench") { Environment = env };
            var csv = new CsvTable("class", "threads", "patterns_per_s_wall", "patterns_per_s_per_core_cpu", "cpu_us_per_pattern", "peaks_per_pattern", "placement_us", "profile_us", "cache_build_s", "general_patterns_per_s");
            var rows = new List<IReadOnlyList<string>>();
            Console.WriteLine($"cpu {env.CpuModel}, {env.LogicalCores} logical cores, {env.Runtime}; grid {TofGrid.Default.Count} bins; medians of {nr} interleaved runs of {nBase} patterns ({10 * nBase} cubic)");
            foreach (var mode in new[] { TofProfileMode.Gsas2Default, TofProfileMode.InstrumentOnly })
            foreach (var cls in new[] { PrototypeClass.Cubic, PrototypeClass.Trigonal, PrototypeClass.Tetragonal })
            {
                var swc = Stopwatch.StartNew();
                var sim = PrototypeSimulator.Get(cls, mode);
                double cache = swc.Elapsed.TotalSeconds;
                var box = ParameterBox.For(cls);
                int n = cls == PrototypeClass.Cubic ? 10 * nBase : nBase; // cubic is ~10x faster: keep CPU-time granularity small
                var pts = new CellParameters[n];
                for (int i = 0; i < n; i++) { var rng = new RandomStream(99, (ulong)i); pts[i] = box.Sample(ref rng); }
                long peaks = 0;
                foreach (var p in pts) peaks += sim.CountPeaks(p);
                // interleaved runs: every configuration once per round, so load changes hit all alike
                Action place = () => { foreach (var p in pts) sim.CountPeaks(p); };
                Action one = () => Run(sim, pts, 1);
                Action two = () => Run(sim, pts, 2);
                Action general = () => { var yg = new float[TofGrid.Default.Count]; for (int i = 0; i < ng; i++) new TofSimulator(Prototypes.At(cls, pts[i]), TofInstrument.NomadBank4, TofGrid.Default, ProfileKind.Table, mode).Simulate(yg); };
                var (wall, cpu) = Medians(nr, place, one, two, general);
                double tPlace = cpu[0] / n, t1 = cpu[1] / n, t2 = cpu[2] / n;
                double gen = ng > 0 ? ng / cpu[3] : 0;
                foreach (var (t, per, w) in new[] { (1, t1, wall[1]), (2, t2, wall[2]) })
                {
                    double rate = n / w;
                    string label = $"{cls}/{(mode == TofProfileMode.Gsas2Default ? "pV" : "G")}";
                    csv.Add(label, t, rate, 1 / per, per * 1e6, (double)peaks / n, tPlace * 1e6, Math.Max(0, per - tPlace) * 1e6, cache, gen);
                    rows.Add([label, t.ToString(CultureInfo.InvariantCulture), F(rate), F(1 / per), F(per * 1e6), F((double)peaks / n), F(tPlace * 1e6), F((per - tPlace) * 1e6),
                        F(cache), F(gen), t == 1 && gen > 0 ? F(1 / per / gen) : ""]);
                    r.Result($"{cls.ToString().ToLowerInvariant()}_{mode}_{t}t_patterns_per_s_per_core", 1 / per);
                }
            }
            CommandKit.PrintTable(["class", "threads", "patterns/s (wall)", "per core (CPU)", "CPU µs/pattern", "peaks", "placement µs", "profile µs", "cache s", "general pat/s", "fast/general"], rows);
            Console.WriteLine("pV = Gsas2Default (exponential ⊗ pseudo-Voigt, 128-bin kernels, the default); G = InstrumentOnly (exponential ⊗ Gaussian, 64-bin kernels);");
            Console.WriteLine("per core and µs columns use process CPU time (robust on a shared machine); patterns/s is wall clock;");
            Console.WriteLine("placement = keys, d, ΣF², TOF, intensity only (1 thread); profile = CPU µs/pattern minus placement;");
            Console.WriteLine("general = per-pattern enumeration + structure factors + kernel table (TofSimulator), CPU time; fast/general = ratio per core");
            // CW sticks on the general path at the CIF cells (compare: scripts/fixtures/diffraction/pymatgen_sticks_timing.py)
            var cwRows = new List<IReadOnlyList<string>>();
            foreach (var cls in new[] { PrototypeClass.Cubic, PrototypeClass.Trigonal, PrototypeClass.Tetragonal })
            {
                var st = Prototypes.Structure(cls);
                var cw = new CwInstrument { Lambda = 1.54184, TwoThetaMin = 5, TwoThetaMax = 150 };
                int reps = 200;
                var (_, cpu) = Medians(nr, () => { for (int i = 0; i < reps; i++) CwSimulator.Sticks(st, cw); });
                cwRows.Add([cls.ToString(), F(reps / cpu[0]), CwSimulator.Sticks(st, cw).Count.ToString(CultureInfo.InvariantCulture)]);
                r.Result($"{cls.ToString().ToLowerInvariant()}_cw_sticks_patterns_per_s", reps / cpu[0]);
            }
            Console.WriteLine();
            CommandKit.PrintTable(["CW sticks at CIF cell", "patterns/s (CPU)", "sticks"], cwRows);
            if (pr.GetValue(output) is string o) csv.Save(o);
            CommandKit.SaveReport(r, pr.GetValue(report), pr.GetValue(quiet));
            return 0;
        });
        return cmd;
    }

    private static string F(double v) => v.ToString(v >= 100 ? "F0" : "F2", CultureInfo.InvariantCulture);

    private static void Run(PrototypeSimulator sim, CellParameters[] pts, int t)
    {
        int n = pts.Length;
        Parallel.For(0, t, new ParallelOptions { MaxDegreeOfParallelism = t }, w =>
        {
            var y = new float[TofGrid.Default.Count];
            for (int i = n * w / t; i < n * (w + 1) / t; i++) sim.Simulate(pts[i], y);
        });
    }

    /// <summary>Median wall and process-CPU seconds of each action over interleaved rounds (one warm-up round first).
    /// CPU time is what a core spends; on a shared, oversubscribed machine it is far less noisy than wall time.</summary>
    private static (double[] Wall, double[] Cpu) Medians(int runs, params Action[] work)
    {
        foreach (var w in work) w();
        var proc = Process.GetCurrentProcess();
        var t = new double[work.Length][];
        var c = new double[work.Length][];
        for (int k = 0; k < work.Length; k++) { t[k] = new double[runs]; c[k] = new double[runs]; }
        for (int i = 0; i < runs; i++)
            for (int k = 0; k < work.Length; k++)
            {
                proc.Refresh();
                var c0 = proc.TotalProcessorTime;
                var sw = Stopwatch.StartNew();
                work[k]();
                t[k][i] = sw.Elapsed.TotalSeconds;
                proc.Refresh();
                c[k][i] = (proc.TotalProcessorTime - c0).TotalSeconds;
            }
        var wall = new double[work.Length];
        var cpu = new double[work.Length];
        for (int k = 0; k < work.Length; k++)
        {
            Array.Sort(t[k]); wall[k] = t[k][runs / 2];
            Array.Sort(c[k]); cpu[k] = c[k][runs / 2];
        }
        return (wall, cpu);
    }
}
