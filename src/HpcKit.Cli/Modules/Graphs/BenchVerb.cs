using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using HpcKit.Core;
using HpcKit.Core.Comm;
using HpcKit.Core.Reporting;
using HpcKit.Graphs.Generation;
using HpcKit.Graphs.Model;
using HpcKit.Graphs.Partitioning;

namespace HpcKit.Cli.Modules.Graphs;

/// <summary>
/// `hpckit chunglu bench`: edges per second per core (count-only and binary output) for power-law instances on
/// 1..T thread ranks, and the speed-up of each scheme against the 1-rank run of the same instance, measured in the
/// same process (medians of --reps runs).
/// </summary>
internal static class BenchVerb
{
    public const string Example = "hpckit chunglu bench --sizes 1000000,10000000 --threads 1,2 --reps 3 --out out/bench";

    public static Command Create()
    {
        var sizes = new Option<string>("--sizes") { Description = "Comma-separated node counts", DefaultValueFactory = _ => "1000000" };
        var threads = new Option<string>("--threads") { Description = "Comma-separated thread-rank counts", DefaultValueFactory = _ => "1,2" };
        var formats = new Option<string>("--formats") { Description = "Comma-separated formats among count, bin, tsv", DefaultValueFactory = _ => "count,bin" };
        var beta = new Option<double>("--beta") { Description = "Power-law exponent", DefaultValueFactory = _ => 2.5 };
        var avg = new Option<double>("--avg-degree") { Description = "Average degree", DefaultValueFactory = _ => 20 };
        var reps = new Option<int>("--reps") { Description = "Runs per configuration (median reported)", DefaultValueFactory = _ => 3 };
        var seed = CommandKit.Seed();
        var outOpt = CommandKit.Out("Directory for bench.csv (binary outputs are written there and deleted)");
        var report = CommandKit.Report();
        var quiet = CommandKit.Quiet();
        var cmd = CommandKit.Verb("bench", "Measures generation throughput (edges/s per core) and per-scheme speed-up on thread ranks.", Example);
        foreach (var o in new Option[] { sizes, threads, formats, beta, avg, reps, seed, outOpt, report, quiet }) cmd.Add(o);
        cmd.SetAction(p =>
        {
            var inv = CultureInfo.InvariantCulture;
            var ns = ParseList(p.GetValue(sizes)!, "--sizes");
            var ts = ParseList(p.GetValue(threads)!, "--threads").Select(x => (int)x).ToArray();
            var fs = p.GetValue(formats)!.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(GenerateVerb.ParseFormat).ToArray();
            int r = p.GetValue(reps);
            if (r < 1) throw new HpcKitUsageException("--reps must be at least 1");
            string dir = p.GetValue(outOpt) ?? Path.Combine("out", "chunglu-bench");
            Directory.CreateDirectory(dir);
            var csv = new CsvTable("n", "format", "threads", "scheme", "edges", "median_s", "min_s", "edges_per_s", "edges_per_s_per_core", "speedup_vs_1", "imbalance_time",
                "cpu_s_total", "edges_per_cpu_s", "cpu_makespan_s", "cpu_speedup_vs_1", "load_avg");
            var rep = new RunReport("chunglu bench") { Environment = EnvironmentInfo.Capture() };
            rep.Parameter("sizes", p.GetValue(sizes)).Parameter("threads", p.GetValue(threads)).Parameter("reps", r).Parameter("beta", p.GetValue(beta)).Parameter("avg_degree", p.GetValue(avg));
            var rows = new List<IReadOnlyList<string>>();
            foreach (long n in ns)
            {
                var model = new ChungLuModel(PowerLawWeights.Create(n, p.GetValue(beta), p.GetValue(avg)), new ChungLuOptions { Seed = p.GetValue(seed) });
                foreach (var f in fs)
                {
                    double baseline = 0, baseCpu = 0;
                    foreach (int t in ts)
                        foreach (var scheme in t == 1 ? new[] { PartitionScheme.Ucp } : [PartitionScheme.Unp, PartitionScheme.Rrp, PartitionScheme.Ucp])
                        {
                            var times = new double[r];
                            var cpuTotal = new double[r];
                            var cpuMax = new double[r];
                            ChungLuRunResult? last = null;
                            string file = Path.Combine(dir, $"bench-{n}.{(f == EdgeFormat.Tsv ? "tsv" : "bin")}");
                            for (int i = 0; i < r; i++)
                            {
                                var req = new GenerateRequest { Scheme = scheme, Format = f, Out = f == EdgeFormat.Count ? null : file, Fingerprint = false, ModelCosts = false };
                                long t0 = Stopwatch.GetTimestamp();
                                last = Ranks.Run(t, c => ChungLuRun.Execute(c, model, req), RankTransport.Threads)[0];
                                times[i] = Stopwatch.GetElapsedTime(t0).TotalSeconds;
                                cpuTotal[i] = last.TotalCpuSeconds;
                                cpuMax[i] = last.GenerateCpuSeconds;
                                if (f != EdgeFormat.Count) File.Delete(file);
                            }
                            Array.Sort(times);
                            Array.Sort(cpuTotal);
                            Array.Sort(cpuMax);
                            double med = times[r / 2], cpuT = cpuTotal[r / 2], cpuM = cpuMax[r / 2];
                            if (t == 1)
                            {
                                baseline = med;
                                baseCpu = cpuM;
                            }
                            double eps = last!.Edges / med;
                            double speed = baseline > 0 ? baseline / med : double.NaN;
                            string load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
                            double imb = last.Imbalance(x => x.GenerateSeconds);
                            double cpuSpeed = baseCpu / cpuM;
                            csv.Add(n, f.ToString().ToLowerInvariant(), t, scheme.ToString().ToLowerInvariant(), last.Edges, med, times[0], eps, eps / t, speed, imb,
                                cpuT, last.Edges / cpuT, cpuM, cpuSpeed, load);
                            rows.Add([n.ToString(inv), f.ToString().ToLowerInvariant(), t.ToString(inv), t == 1 ? "-" : scheme.ToString().ToLowerInvariant(), last.Edges.ToString(inv),
                                med.ToString("F3", inv), (eps / 1e6).ToString("F1", inv), (eps / t / 1e6).ToString("F1", inv), t == 1 ? "1.00" : speed.ToString("F2", inv), imb.ToString("F2", inv),
                                (last.Edges / cpuT / 1e6).ToString("F1", inv), t == 1 ? "1.00" : cpuSpeed.ToString("F2", inv), load]);
                            if (!p.GetValue(quiet)) Console.Error.WriteLine($"  {string.Join("  ", rows[^1])}");
                        }
                }
            }
            CommandKit.PrintTable(["n", "format", "threads", "scheme", "edges", "median s", "M edges/s", "M edges/s/core", "speed-up", "time max/avg", "M edges/CPU-s", "CPU speed-up", "load"], rows);
            csv.Save(Path.Combine(dir, "bench.csv"));
            rep.Result("table", csv.ToString());
            Console.WriteLine($"wrote {Path.Combine(dir, "bench.csv")} (wall: partition + generation + output; CPU: generation thread CPU time per rank, speed-up = 1-rank CPU / slowest rank's CPU; medians of {r})");
            CommandKit.SaveReport(rep, p.GetValue(report), p.GetValue(quiet));
            return 0;
        });
        return cmd;
    }

    private static long[] ParseList(string s, string name)
    {
        var parts = s.Split(',', StringSplitOptions.RemoveEmptyEntries);
        var r = new long[parts.Length];
        for (int i = 0; i < parts.Length; i++)
            if (!long.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out r[i]) || r[i] < 1)
                throw new HpcKitUsageException($"{name}: '{parts[i]}' is not a positive integer");
        if (r.Length == 0) throw new HpcKitUsageException($"{name} is empty");
        return r;
    }
}
