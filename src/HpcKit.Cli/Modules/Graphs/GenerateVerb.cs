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

/// <summary>`hpckit chunglu generate`: one graph on P thread ranks or MPI ranks, with per-rank instrumentation.</summary>
internal static class GenerateVerb
{
    public const string Example = "hpckit chunglu generate --n 1000000 --beta 2.5 --avg-degree 20 --seed 7 --ranks 2 --scheme ucp --format bin --out g.bin";

    public static Command Create()
    {
        var inputs = new ChungLuInputs();
        var seed = CommandKit.Seed();
        var ranks = new Option<int>("--ranks") { Description = "Logical ranks run as threads (under mpirun: omit; the world size is used)", DefaultValueFactory = _ => 1 };
        var scheme = new Option<string>("--scheme") { Description = "Partitioning: unp (naive consecutive), rrp (round-robin), ucp (cost-balanced consecutive)", DefaultValueFactory = _ => "ucp" };
        var format = new Option<string>("--format") { Description = "tsv | bin | metis | count (count-only writes nothing)", DefaultValueFactory = _ => "tsv" };
        var outOpt = CommandKit.Out("Output file (per-rank files use its name as prefix)");
        var perRank = new Option<bool>("--per-rank") { Description = "One file per rank (<prefix>.r00000.<ext>) plus <prefix>.manifest.tsv" };
        var int64 = new Option<bool>("--int64") { Description = "Binary output with int64 ids even when n < 2^31" };
        var canonical = new Option<bool>("--canonical") { Description = "Write pairs min-first" };
        var header = new Option<bool>("--tsv-header") { Description = "Start TSV output with a # line (n, seed, P, scheme, loops, layout, clamped)" };
        var report = CommandKit.Report();
        var quiet = CommandKit.Quiet();
        var cmd = CommandKit.Verb("generate", "Generates a Chung–Lu graph: p_uv = min(1, w_u w_v / S), exact Miller–Hagberg skipping, same edges for any --ranks and --scheme.", Example);
        inputs.AddTo(cmd);
        foreach (var o in new Option[] { seed, ranks, scheme, format, outOpt, perRank, int64, canonical, header, report, quiet }) cmd.Add(o);
        cmd.SetAction(p =>
        {
            bool q = p.GetValue(quiet);
            var sch = ParseScheme(p.GetValue(scheme)!);
            var fmt = ParseFormat(p.GetValue(format)!);
            int pr = p.GetValue(ranks);
            if (pr < 1) throw new HpcKitUsageException($"--ranks must be at least 1 (got {pr})");
            string? outPath = p.GetValue(outOpt);
            if (fmt != EdgeFormat.Count && string.IsNullOrEmpty(outPath)) throw new HpcKitUsageException($"--format {p.GetValue(format)} needs --out FILE (or use --format count)");
            bool mpi = Ranks.Resolve(RankTransport.Auto) == RankTransport.Mpi;
            bool rank0 = !mpi || MpiCommunicator.World.Rank == 0;
            long t0 = Stopwatch.GetTimestamp();
            var model = inputs.Model(p, p.GetValue(seed), q || !rank0, p.GetValue(canonical));
            double setup = Stopwatch.GetElapsedTime(t0).TotalSeconds;
            if (fmt == EdgeFormat.Metis && model.Options.AllowSelfLoops) throw new HpcKitUsageException("METIS output cannot represent self-loops; drop --loops or choose another format");
            var request = new GenerateRequest { Scheme = sch, Format = fmt, Out = outPath, PerRankFiles = p.GetValue(perRank), ForceInt64 = p.GetValue(int64), TsvHeader = p.GetValue(header) };
            using var bar = new ProgressBar("chunglu", model.N, q || !rank0);
            request = request with { Progress = bar.Enabled ? bar.Advance : null };
            long t1 = Stopwatch.GetTimestamp();
            var res = Ranks.Run(pr, c => ChungLuRun.Execute(c, model, request))[0];
            double total = Stopwatch.GetElapsedTime(t1).TotalSeconds;
            bar.Dispose();
            if (!rank0) return 0;
            var r = Report(model, res, request, setup, total);
            Print(model, res, r, q);
            CommandKit.SaveReport(r, p.GetValue(report), q);
            return 0;
        });
        return cmd;
    }

    public static PartitionScheme ParseScheme(string s) => s.ToLowerInvariant() switch
    {
        "unp" => PartitionScheme.Unp,
        "rrp" => PartitionScheme.Rrp,
        "ucp" => PartitionScheme.Ucp,
        _ => throw new HpcKitUsageException($"--scheme must be unp, rrp or ucp (got '{s}')"),
    };

    public static EdgeFormat ParseFormat(string s) => s.ToLowerInvariant() switch
    {
        "tsv" => EdgeFormat.Tsv,
        "bin" => EdgeFormat.Bin,
        "metis" => EdgeFormat.Metis,
        "count" => EdgeFormat.Count,
        _ => throw new HpcKitUsageException($"--format must be tsv, bin, metis or count (got '{s}')"),
    };

    internal static RunReport Report(ChungLuModel model, ChungLuRunResult res, GenerateRequest request, double setup, double total)
    {
        var inv = CultureInfo.InvariantCulture;
        var (em, vm) = model.EdgeMoments();
        double z = vm > 0 ? (res.Edges - em) / Math.Sqrt(vm) : 0;
        var r = new RunReport("chunglu generate") { Environment = EnvironmentInfo.Capture() };
        r.Parameter("n", model.N).Parameter("seed", model.Options.Seed).Parameter("ranks", res.Ranks.Length)
            .Parameter("scheme", request.Scheme.ToString().ToLowerInvariant()).Parameter("format", request.Format.ToString().ToLowerInvariant())
            .Parameter("loops", model.Options.AllowSelfLoops).Parameter("rng_layout", RowKernel.RngLayout);
        r.Result("edges", res.Edges).Result("expected_edges", em).Result("edge_z", z)
            .Result("fingerprint", res.Fingerprint.ToString("x16", inv)).Result("clamped_pairs", model.ClampedPairs)
            .Result("candidates", res.Candidates).Result("rejections", res.Candidates - res.Edges);
        double c0 = 0, c = 0;
        foreach (var rc in res.Ranks) c += rc.ModelledCost / RowCost.Scale;
        if (model.N > 0) c0 = RowCost.Quantised(model, 0, 0) / RowCost.Scale;
        r.Result("granularity_c0_over_avg", c > 0 ? c0 / (c / res.Ranks.Length) : 0);
        r.Result("imbalance_rows", res.Imbalance(x => x.Rows)).Result("imbalance_candidates", res.Imbalance(x => x.Candidates))
            .Result("imbalance_edges", res.Imbalance(x => x.Edges)).Result("imbalance_cost", res.Imbalance(x => x.ModelledCost))
            .Result("imbalance_time", res.Imbalance(x => x.GenerateSeconds));
        r.AddTiming("setup", setup);
        r.AddTiming("partition", res.PartitionSeconds);
        r.AddTiming("generate", res.GenerateSeconds);
        r.AddTiming("generate_cpu_max_rank", res.GenerateCpuSeconds);
        r.AddTiming("generate_cpu_total", res.TotalCpuSeconds);
        r.AddTiming("write", res.WriteSeconds);
        r.AddTiming("total", total);
        r.Result("peak_working_set_bytes", Process.GetCurrentProcess().PeakWorkingSet64);
        var ranks = new System.Text.Json.Nodes.JsonArray();
        foreach (var x in res.Ranks)
            ranks.Add(new System.Text.Json.Nodes.JsonObject
            {
                ["rank"] = x.Rank, ["first"] = x.First, ["end"] = x.End, ["rows"] = x.Rows, ["candidates"] = x.Candidates,
                ["rejections"] = x.Rejections, ["edges"] = x.Edges, ["cost"] = x.ModelledCost / RowCost.Scale, ["bytes"] = x.BytesWritten,
                ["partition_s"] = x.PartitionSeconds, ["generate_s"] = x.GenerateSeconds, ["write_s"] = x.WriteSeconds,
                ["fingerprint"] = x.Fingerprint.ToString("x16", inv),
            });
        r.Result("per_rank", ranks);
        return r;
    }

    private static void Print(ChungLuModel model, ChungLuRunResult res, RunReport r, bool quiet)
    {
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(inv, $"n = {model.N}, m = {res.Edges} (E[m] = {(double)r.Results["expected_edges"]!:F1}, z = {(double)r.Results["edge_z"]!:F2}), fingerprint {res.Fingerprint:x16}"));
        Console.WriteLine(string.Create(inv, $"time: setup {r.Timings["setup"]:F3} s, partition {res.PartitionSeconds:F4} s, generate {res.GenerateSeconds:F3} s, write {res.WriteSeconds:F3} s; {res.Edges / Math.Max(1e-9, res.GenerateSeconds) / 1e6:F1} M edges/s ({res.Edges / Math.Max(1e-9, res.TotalCpuSeconds) / 1e6:F1} M edges per CPU-second); peak memory {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F0} MiB"));
        double gran = (double)r.Results["granularity_c0_over_avg"]!;
        if (res.Ranks.Length > 1 && gran > 0.1)
            Console.Error.WriteLine(string.Create(inv, $"warning: granularity c0/(C/P) = {gran:F3} > 0.1: the heaviest row alone is a large share of a rank's work, so no scheme can balance well"));
        if (quiet) return;
        foreach (var f in res.Files) Console.WriteLine($"wrote {f}");
        var rows = new List<IReadOnlyList<string>>();
        foreach (var x in res.Ranks.Take(16))
            rows.Add([x.Rank.ToString(inv), x.Rows.ToString(inv), x.Candidates.ToString(inv), x.Rejections.ToString(inv), x.Edges.ToString(inv),
                (x.ModelledCost / RowCost.Scale).ToString("F0", inv), x.GenerateSeconds.ToString("F3", inv), x.BytesWritten.ToString(inv)]);
        if (res.Ranks.Length > 1)
        {
            CommandKit.PrintTable(["rank", "rows", "candidates", "rejections", "edges", "cost", "gen s", "bytes"], rows);
            Console.WriteLine(string.Create(inv, $"max/avg: rows {res.Imbalance(x => x.Rows):F3}, candidates {res.Imbalance(x => x.Candidates):F3}, edges {res.Imbalance(x => x.Edges):F3}, cost {res.Imbalance(x => x.ModelledCost):F3}, time {res.Imbalance(x => x.GenerateSeconds):F3}; granularity c0/(C/P) = {(double)r.Results["granularity_c0_over_avg"]!:F4}"));
        }
    }
}
