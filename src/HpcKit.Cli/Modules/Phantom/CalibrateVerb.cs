using System.CommandLine;
using HpcKit.Core.Comm;
using HpcKit.Core.LinearAlgebra;
using HpcKit.Core.Reporting;
using HpcKit.Phantom.Experiments;
using HpcKit.Phantom.Projection;

namespace HpcKit.Cli.Modules.Phantom;

/// <summary>`hpckit phantom calibrate`: γ per GEMM shape class on this host, and the local α, β of the ranks in use.</summary>
internal static class CalibrateVerb
{
    public static Command Create()
    {
        var o = new PhantomOptions();
        var ranks = new Option<string>("--ranks") { Description = "Rank counts p (shapes m = n/p)", DefaultValueFactory = _ => "2,4,8" };
        var ghosts = new Option<string>("--ghosts") { Description = "Ghost counts k", DefaultValueFactory = _ => "8,32" };
        var cmd = CommandKit.Verb("calibrate", "Measures γ (s/FLOP) per GEMM shape class (B×m×n, B×m×m, B×k×m) and the local α, β of the rank transport.",
            "hpckit phantom calibrate --width 2048 --ranks 2,4,8 --ghosts 8,32 --batch 256");
        PhantomOptions.AddAll(cmd, ranks, ghosts, o.Width, o.Batch, o.Threads, o.Report, o.Out, o.Quiet);
        cmd.SetAction(p =>
        {
            CommandKit.ApplyThreads(p.GetValue(o.Threads));
            int n = p.GetValue(o.Width), B = p.GetValue(o.Batch);
            if (n < 1 || B < 1) throw new Core.HpcKitUsageException("--width and --batch must be positive");
            var ps = ProjectionTable.ParseList(p.GetValue(ranks)!, "--ranks");
            var ks = ProjectionTable.ParseList(p.GetValue(ghosts)!, "--ghosts");
            var csv = new CsvTable("shape_class", "M", "N", "K", "gamma_s_per_flop", "gflops");
            var rows = new List<IReadOnlyList<string>>();
            void Add(string cls, int mm, int nn, int kk)
            {
                double g = GammaCalibration.Measure(mm, nn, kk);
                csv.Add(cls, mm, nn, kk, g, 1e-9 / g);
                rows.Add([cls, $"{mm}×{nn}×{kk}", PhantomOptions.F(g, "E3"), PhantomOptions.F(1e-9 / g, "F1")]);
            }
            foreach (int q in ps)
            {
                if (n % q != 0) throw new Core.HpcKitUsageException($"--ranks {q} does not divide --width {n}");
                int m = n / q;
                Add($"m×n (p={q})", B, m, n);
                Add($"m×m (p={q})", B, m, m);
                foreach (int k in ks.Where(k => k <= m)) Add($"m×k (p={q}, k={k})", B, k, m);
            }
            Console.WriteLine($"MEASURED on this host ({Blas.Current.Name}, {p.GetValue(o.Threads)} BLAS thread(s)), fp32, shared machine:");
            CommandKit.PrintTable(["class", "M×N×K", "γ s/FLOP", "GFLOP/s"], rows);
            var (alpha, beta) = Ranks.Run(2, c => CollectiveCalibration.Measure(c), RankTransport.Threads)[0];
            Console.WriteLine($"local α = {PhantomOptions.F(alpha, "E3")} s, β = {PhantomOptions.F(beta, "E3")} s/B (2 thread ranks, shared memory — not a network; projections take α, β from a preset)");
            string dir = o.OutDir(p, "calibrate");
            csv.Save(Path.Combine(dir, "gamma.csv"));
            var report = new RunReport("phantom calibrate");
            report.Parameter("n", n).Parameter("B", B).Parameter("ranks", ps).Parameter("ghosts", ks);
            report.Result("gamma_csv", Path.Combine(dir, "gamma.csv")).Result("local_alpha_s", alpha).Result("local_beta_s_per_byte", beta);
            CommandKit.SaveReport(report, p.GetValue(o.Report) ?? Path.Combine(dir, "report.json"), p.GetValue(o.Quiet));
            return 0;
        });
        return cmd;
    }
}
