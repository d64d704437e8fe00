using System.CommandLine;
using System.Globalization;
using HpcKit.Core;
using HpcKit.Core.Reporting;
using HpcKit.Sparse.Generators;

namespace HpcKit.Cli.Modules.Sparse;

/// <summary>`hpckit sparse kkt --buses 2000 --out dir`: generates a KKT sequence from a DC-OPF interior-point run.</summary>
internal static class SparseKktVerb
{
    public const string Example = "hpckit sparse kkt --buses 2000 --out kkt2000 --emit-every 1";

    public static Command Create()
    {
        var buses = new Option<int>("--buses") { Description = "Buses of the synthetic grid (presets 200, 2000, 10000)", DefaultValueFactory = _ => 200 };
        var every = new Option<int>("--emit-every") { Description = "Write every j-th system (first and last always)", DefaultValueFactory = _ => 1 };
        var maxIt = new Option<int>("--max-iterations") { Description = "Interior-point iteration limit", DefaultValueFactory = _ => 200 };
        var inApp = new Option<bool>("--in-application") { Description = "Solve each Newton system with the sequence facade (refactor + FGMRES) instead of a fresh LU" };
        var seed = CommandKit.Seed();
        var outOpt = CommandKit.Out("Output directory for A_kkkk.mtx, b_kkkk.mtx, x_kkkk.mtx, ones_b_kkkk.mtx, sequence.csv");
        var report = CommandKit.Report();
        var quiet = CommandKit.Quiet();
        var cmd = CommandKit.Verb("kkt", "Runs a primal-dual interior-point DC-OPF on a meshed grid and writes every KKT system it solves.", Example);
        foreach (var o in new Option[] { buses, every, maxIt, inApp, seed, outOpt, report, quiet }) cmd.Add(o);
        cmd.SetAction(p =>
        {
            int nb = p.GetValue(buses);
            if (nb < 10 || nb > 200_000) throw new HpcKitUsageException("--buses must be between 10 and 200000");
            if (p.GetValue(every) < 1) throw new HpcKitUsageException("--emit-every must be at least 1");
            string dir = p.GetValue(outOpt) ?? throw new HpcKitUsageException("--out <dir> is required");
            bool q = p.GetValue(quiet);
            var opts = new KktGeneratorOptions { Buses = nb, Seed = p.GetValue(seed), EmitEvery = p.GetValue(every), MaxIterations = p.GetValue(maxIt), InApplication = p.GetValue(inApp) };
            var r = new RunReport("sparse kkt").Parameter("buses", nb).Parameter("seed", opts.Seed).Parameter("emit_every", opts.EmitEvery);
            KktSequenceGenerator gen;
            using (r.Time("grid_and_presolve")) gen = new KktSequenceGenerator(opts);
            var writer = new KktSequenceWriter(dir);
            var cond = new List<(double K, double C)>();
            using (var bar = new ProgressBar("interior-point iterations", opts.MaxIterations, q))
            using (r.Time("optimizer"))
            {
                gen.Run(s => { writer.Write(s); cond.Add((s.Index, s.ConditionEstimate)); }, new Progress<int>(_ => bar.Advance()));
            }
            writer.Finish();
            var ci = CultureInfo.InvariantCulture;
            Console.WriteLine(string.Create(ci, $"grid: {nb} buses, {gen.Grid.Lines} lines, {gen.Grid.Generators} generators; KKT n = {gen.Dimension}"));
            Console.WriteLine(string.Create(ci, $"optimizer: {(gen.Converged ? "converged" : "NOT converged")} in {gen.Iterations} iterations, objective {gen.Objective:F6}, KKT error {gen.FinalKktError:E2}"));
            Console.WriteLine(string.Create(ci, $"systems solved {gen.Systems}, written {writer.Written} to {dir}; condition estimate {cond[0].C:E2} -> {cond[^1].C:E2}"));
            if (gen.FacadeReport is { } fr)
                Console.WriteLine(string.Create(ci, $"in-application facade: full {fr.FullInitial}, refactor {fr.Refactorizations}, fallbacks {fr.Fallbacks}, FGMRES iterations {fr.FgmresIterations}, solver time {fr.TotalSeconds:F3} s"));
            var plot = new SvgPlot($"KKT condition estimates, {nb} buses", "system k", "1-norm condition estimate") { LogY = true }
                .LineMarkers("condition estimate", cond.Select(c => c.K).ToArray(), cond.Select(c => c.C).ToArray());
            if (cond.All(c => c.C > 0)) plot.Save(Path.Combine(dir, "condition.svg")); // in-application mode computes no estimates
            r.Result("n", gen.Dimension).Result("iterations", gen.Iterations).Result("objective", gen.Objective).Result("converged", gen.Converged)
                .Result("systems", gen.Systems).Result("written", writer.Written);
            CommandKit.SaveReport(r, p.GetValue(report), q);
            return gen.Converged ? 0 : 1;
        });
        return cmd;
    }
}
