using System.CommandLine;
using System.Globalization;
using HpcKit.Core;
using HpcKit.Core.Reporting;
using HpcKit.Graphs.Analysis;
using HpcKit.Graphs.Partitioning;

namespace HpcKit.Cli.Modules.Graphs;

/// <summary>`hpckit chunglu balance`: exact per-logical-rank work of UNP, RRP and UCP for a large P, with a plot.</summary>
internal static class BalanceVerb
{
    public const string Example = "hpckit chunglu balance --n 1000000 --beta 2.5 --avg-degree 20 --ranks 1024 --mode counted --out out/balance";

    private static readonly string[] Names = ["UNP", "RRP", "UCP"];

    public static Command Create()
    {
        var inputs = new ChungLuInputs();
        var seed = CommandKit.Seed();
        var ranks = new Option<int>("--ranks") { Description = "Logical rank count P (need not match the cores)", DefaultValueFactory = _ => 1024 };
        var mode = new Option<string>("--mode") { Description = "predicted (cost model only) | counted (one count-only generation) | timed (each share run alone)", DefaultValueFactory = _ => "counted" };
        var outOpt = CommandKit.Out("Output directory for balance.csv and balance.svg");
        var report = CommandKit.Report();
        var quiet = CommandKit.Quiet();
        var cmd = CommandKit.Verb("balance", "Computes the exact work each logical rank gets under each partitioning scheme, for any P on a small machine.", Example);
        inputs.AddTo(cmd);
        foreach (var o in new Option[] { seed, ranks, mode, outOpt, report, quiet }) cmd.Add(o);
        cmd.SetAction(p =>
        {
            bool q = p.GetValue(quiet);
            int pr = p.GetValue(ranks);
            if (pr < 1) throw new HpcKitUsageException($"--ranks must be at least 1 (got {pr})");
            var m = p.GetValue(mode)!.ToLowerInvariant() switch
            {
                "predicted" => BalanceMode.Predicted,
                "counted" => BalanceMode.Counted,
                "timed" => BalanceMode.Timed,
                var s => throw new HpcKitUsageException($"--mode must be predicted, counted or timed (got '{s}')"),
            };
            var model = inputs.Model(p, p.GetValue(seed), q);
            LoadBalanceAnalysis a;
            using (var bar = new ProgressBar("balance", model.N, q))
            {
                long last = 0;
                a = LoadBalanceAnalysis.Run(model, pr, m, u =>
                {
                    bar.Advance(u - last);
                    last = u;
                });
            }
            var inv = CultureInfo.InvariantCulture;
            var r = new RunReport("chunglu balance") { Environment = EnvironmentInfo.Capture() };
            r.Parameter("n", model.N).Parameter("ranks", pr).Parameter("mode", m.ToString().ToLowerInvariant()).Parameter("seed", model.Options.Seed);
            r.Result("granularity_c0_over_avg", a.Granularity).Result("total_cost", a.TotalCost);
            r.AddTiming("partition_ucp", a.PartitionSeconds);
            var rows = new List<IReadOnlyList<string>>();
            for (int s = 0; s < 3; s++)
            {
                string key = Names[s].ToLowerInvariant();
                double cost = LoadBalanceAnalysis.MaxOverAverage(a.Cost[s]);
                double cand = m == BalanceMode.Predicted ? double.NaN : LoadBalanceAnalysis.MaxOverAverage(ToDouble(a.Candidates[s]));
                double edges = m == BalanceMode.Predicted ? double.NaN : LoadBalanceAnalysis.MaxOverAverage(ToDouble(a.Edges[s]));
                double rws = LoadBalanceAnalysis.MaxOverAverage(ToDouble(a.Rows[s]));
                r.Result(key + "_max_avg_cost", cost).Result(key + "_max_avg_rows", rws);
                if (m != BalanceMode.Predicted) r.Result(key + "_max_avg_candidates", cand).Result(key + "_max_avg_edges", edges);
                string speed = "";
                if (m == BalanceMode.Timed)
                {
                    double mk = a.Makespan((PartitionScheme)s);
                    r.Result(key + "_makespan_s", mk).Result(key + "_speedup", a.SequentialSeconds / mk);
                    speed = (a.SequentialSeconds / mk).ToString("F1", inv);
                }
                rows.Add([Names[s], rws.ToString("F3", inv), cost.ToString("F3", inv), double.IsNaN(cand) ? "-" : cand.ToString("F3", inv), double.IsNaN(edges) ? "-" : edges.ToString("F3", inv), speed]);
            }
            Console.WriteLine(string.Create(inv, $"n = {model.N}, P = {pr}, C = {a.TotalCost:F0} candidate units, c0/(C/P) = {a.Granularity:F4}, UCP boundaries in {a.PartitionSeconds * 1e3:F1} ms (sequential)"));
            CommandKit.PrintTable(["scheme", "max/avg rows", "max/avg cost", "max/avg cand", "max/avg edges", m == BalanceMode.Timed ? "speed-up" : ""], rows);
            string? dir = p.GetValue(outOpt);
            if (dir != null)
            {
                var csv = new CsvTable("rank", "unp_cost", "rrp_cost", "ucp_cost", "unp_candidates", "rrp_candidates", "ucp_candidates", "unp_edges", "rrp_edges", "ucp_edges", "unp_s", "rrp_s", "ucp_s");
                for (int i = 0; i < pr; i++)
                    csv.Add(i, a.Cost[0][i], a.Cost[1][i], a.Cost[2][i], a.Candidates[0][i], a.Candidates[1][i], a.Candidates[2][i], a.Edges[0][i], a.Edges[1][i], a.Edges[2][i], a.Seconds[0][i], a.Seconds[1][i], a.Seconds[2][i]);
                csv.Save(Path.Combine(dir, "balance.csv"));
                Plot(a, model.N).Save(Path.Combine(dir, "balance.svg"));
                if (!q) Console.WriteLine($"wrote {Path.Combine(dir, "balance.csv")} and balance.svg");
            }
            CommandKit.SaveReport(r, p.GetValue(report), q);
            return 0;
        });
        return cmd;
    }

    private static double[] ToDouble(long[] x) => Array.ConvertAll(x, v => (double)v);

    /// <summary>Load per rank relative to the average, per scheme (log y), from counted candidates or modelled cost.</summary>
    public static SvgPlot Plot(LoadBalanceAnalysis a, int n)
    {
        ArgumentNullException.ThrowIfNull(a);
        bool counted = a.Candidates[0].Sum() > 0;
        var plot = new SvgPlot($"Load per rank, n = {n}, P = {a.Ranks} ({(counted ? "counted candidates + rows" : "modelled cost")})", "rank", "load / average load") { LogY = true };
        var x = new double[a.Ranks];
        for (int i = 0; i < x.Length; i++) x[i] = i;
        for (int s = 0; s < 3; s++)
        {
            var y = new double[a.Ranks];
            double sum = 0;
            for (int i = 0; i < y.Length; i++)
            {
                y[i] = counted ? a.Candidates[s][i] + a.Rows[s][i] : a.Cost[s][i];
                sum += y[i];
            }
            double avg = sum / y.Length;
            for (int i = 0; i < y.Length; i++) y[i] = Math.Max(y[i] / avg, 1e-3);
            plot.Line(Names[s], x, y);
        }
        plot.ReferenceLine(1, false, "average");
        return plot;
    }
}
