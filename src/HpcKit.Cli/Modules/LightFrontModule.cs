using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using HpcKit.Core;
using HpcKit.Core.Reporting;
using HpcKit.LightFront.Basis;
using HpcKit.LightFront.Eigen;
using HpcKit.LightFront.Model;
using HpcKit.LightFront.Observables;
using HpcKit.LightFront.Report;
using HpcKit.LightFront.Solver;
using HpcKit.LightFront.Thooft;

namespace HpcKit.Cli.Modules;

/// <summary>`hpckit lightfront thooft|solve|report`: heavy-light mesons on the transverse lattice (HpcKit.LightFront).</summary>
internal sealed class LightFrontModule : ICliModule
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public int Order => 50;

    public string Name => "lightfront";

    public Command Create()
    {
        var g = CommandKit.Group(Name, "Heavy-light mesons in light-front QCD on a transverse lattice (static quark, femtoworm truncation).",
            "hpckit lightfront thooft --m 0.5",
            "hpckit lightfront solve --params docs/lightfront/illustrative-hopping.json --method dlcq",
            "hpckit lightfront report --params docs/lightfront/illustrative-hopping.json --out out/lf");
        g.Add(Thooft());
        g.Add(Solve());
        g.Add(ReportVerb());
        return g;
    }

    public void Quickstart(string dir, RunReport report, bool quiet)
    {
        var p = new LightFrontParameters("quickstart-illustrative", "illustrative, not fitted", 0.5, 0.25, 0.5, 0.25, 2.5, 0.02, 0.02);
        var o = new SolveOptions { Resolutions = [12, 17, 24, 34], GalerkinSizes = [(4, 3, 3), (6, 4, 4), (8, 5, 5)], ContinuumThreeHalves = false };
        var d = HeavyLightSolver.Run(p, "dlcq", o);
        var gl = HeavyLightSolver.Run(p, "galerkin", o);
        string sub = dir;
        LightFrontReport.Write(sub, d, gl);
        report.Result("lightfront_lambda_bar_gev", d.Extrapolated["Lambda_bar"].Value);
        report.Result("lightfront_rho2", d.Extrapolated["rho^2"].Value);
        if (!quiet)
            Console.WriteLine(string.Create(Inv, $"lightfront: Lambda_bar = {d.Extrapolated["Lambda_bar"].Value:F3} GeV, rho^2 = {d.Extrapolated["rho^2"].Value:F3} (illustrative set, coarse); plots in {sub}"));
    }

    private static Command Thooft()
    {
        var m = new Option<double>("--m") { Description = "Quark mass in units of beta", DefaultValueFactory = _ => 0.5 };
        var pmax = new Option<double>("--pmax") { Description = "Grid cut-off P_max in units of beta", DefaultValueFactory = _ => 40 };
        var nkMax = new Option<int>("--nk-max") { Description = "Finest grid N_K (sequence halves down from it)", DefaultValueFactory = _ => 800 };
        var nb = new Option<int>("--nb") { Description = "Largest Galerkin basis", DefaultValueFactory = _ => 24 };
        var report = CommandKit.Report();
        var quiet = CommandKit.Quiet();
        var threads = CommandKit.Threads();
        var cmd = CommandKit.Verb("thooft", "Heavy-light 't Hooft limit (hops off), units of beta: grid with extrapolation against the Galerkin basis with the end-point exponent.", "hpckit lightfront thooft --m 0.5");
        foreach (var o in new Option[] { m, pmax, nkMax, nb, report, quiet, threads }) cmd.Add(o);
        cmd.SetAction(pr =>
        {
            CommandKit.ApplyThreads(pr.GetValue(threads));
            double mass = pr.GetValue(m), pm = pr.GetValue(pmax);
            int top = pr.GetValue(nkMax), nbMax = pr.GetValue(nb);
            if (!(mass >= 0) || !double.IsFinite(mass)) throw new HpcKitUsageException("--m must be a non-negative number");
            if (!(pm > 0)) throw new HpcKitUsageException("--pmax must be positive");
            if (top < 32 || top > 4000) throw new HpcKitUsageException("--nk-max must be in 32..4000");
            if (nbMax < 4 || nbMax > 60) throw new HpcKitUsageException("--nb must be in 4..60");
            var r = new RunReport("lightfront thooft").Parameter("m_over_beta", mass).Parameter("p_max", pm);
            double gamma = EndpointExponents.Fermion(mass);
            Console.WriteLine(string.Create(Inv, $"heavy-light 't Hooft limit, m/beta = {mass}; end-point exponent gamma = {gamma:F6} (pi g cot pi g = 1 - m^2/beta^2)"));
            var rows = new List<IReadOnlyList<string>>();
            var nks = new List<int>();
            for (int n = top; n >= 32 && nks.Count < 4; n /= 2) nks.Insert(0, n);
            using var bar = new ProgressBar("thooft", nks.Count + 3, pr.GetValue(quiet));
            var h = new List<double>(); var e = new List<double>();
            foreach (int n in nks)
            {
                var sw = Stopwatch.StartNew();
                var t = new ThooftGrid(mass, n, pm, 2);
                h.Add(t.Delta); e.Add(t.Values[0]);
                rows.Add(["grid", $"N_K={n}", F(t.Values[0] / 2), F(t.Values[1] / 2), F(t.MeanMomentum(0)), F(t.WavefunctionIntegral(0)), F(t.EdgeExponent(0, 4 * t.Delta, Math.Max(0.2, 40 * t.Delta))), F(sw.Elapsed.TotalSeconds)]);
                bar.Advance();
            }
            foreach (int n in new[] { nbMax / 3, 2 * nbMax / 3, nbMax })
            {
                var sw = Stopwatch.StartNew();
                var gk = new ThooftGalerkin(mass, Math.Max(2, n));
                rows.Add(["Galerkin", $"N_b={gk.Size}", F(gk.Values[0] / 2), F(gk.Values[1] / 2), F(gk.MeanMomentum(0)), F(gk.WavefunctionIntegral(0)), F(gamma) + " (built in)", F(sw.Elapsed.TotalSeconds)]);
                r.Result($"galerkin_lambda_nb{gk.Size}", gk.Values[0] / 2);
                bar.Advance();
            }
            bar.Dispose();
            CommandKit.PrintTable(["method", "resolution", "Lambda0/beta", "Lambda1/beta", "<k>/beta", "int psi", "edge exponent", "seconds"], rows);
            var ext = PowerLawExtrapolation.Fit([.. h], [.. e]);
            double gal = double.Parse(rows[^1][2], Inv);
            Console.WriteLine(string.Create(Inv, $"grid extrapolated Lambda/beta = {ext.Value / 2:F6} +- {ext.Uncertainty / 2:F6} (fitted p = {ext.Exponent:F3}; {ext.Fit}); Galerkin {gal:F6}"));
            r.Result("gamma", gamma).Result("grid_extrapolated_lambda", ext.Value / 2).Result("grid_uncertainty", ext.Uncertainty / 2).Result("grid_exponent_p", ext.Exponent);
            CommandKit.SaveReport(r, pr.GetValue(report), pr.GetValue(quiet));
            return 0;
        });
        return cmd;
    }

    private static Option<string> ParamsOption() => new("--params") { Description = "Parameter set (JSON, GeV)", Required = true };

    private static Option<double> PmaxOption() => new("--pmax") { Description = "Cut-off on the total light momentum, units of beta", DefaultValueFactory = _ => 20 };

    private static Option<string> NkOption() => new("--nk") { Description = "DLCQ resolutions N_K, comma-separated", DefaultValueFactory = _ => "12,17,24,34,48,68" };

    private static SolveOptions Options(double pmax, string nk)
    {
        if (!(pmax > 0) || !double.IsFinite(pmax)) throw new HpcKitUsageException("--pmax must be positive");
        int[] seq;
        try { seq = nk.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => int.Parse(s, Inv)).ToArray(); }
        catch (FormatException) { throw new HpcKitUsageException($"--nk must be comma-separated integers (got '{nk}')"); }
        if (seq.Length < 1 || seq.Any(x => x < 4 || x > 400)) throw new HpcKitUsageException("--nk values must be in 4..400");
        for (int i = 1; i < seq.Length; i++) if (seq[i] <= seq[i - 1]) throw new HpcKitUsageException("--nk must increase");
        return new SolveOptions { PMax = pmax, Resolutions = seq };
    }

    private static Command Solve()
    {
        var prm = ParamsOption();
        var method = new Option<string>("--method") { Description = "dlcq (sparse, Lanczos) or galerkin (dense, dsygvd)", DefaultValueFactory = _ => "dlcq" };
        method.AcceptOnlyFromAmong("dlcq", "galerkin");
        var pmax = PmaxOption();
        var nk = NkOption();
        var report = CommandKit.Report();
        var quiet = CommandKit.Quiet();
        var threads = CommandKit.Threads();
        var cmd = CommandKit.Verb("solve", "Solves the femtoworm heavy-light problem and prints the observables with convergence estimates.",
            "hpckit lightfront solve --params docs/lightfront/illustrative-hopping.json --method dlcq");
        foreach (var o in new Option[] { prm, method, pmax, nk, report, quiet, threads }) cmd.Add(o);
        cmd.SetAction(pr =>
        {
            CommandKit.ApplyThreads(pr.GetValue(threads));
            var p = ParameterFile.Load(pr.GetValue(prm)!);
            var o = Options(pr.GetValue(pmax), pr.GetValue(nk)!);
            string meth = pr.GetValue(method)!;
            var r = new RunReport("lightfront solve").Parameter("params", pr.GetValue(prm)).Parameter("method", meth);
            int steps = meth == "dlcq" ? o.Resolutions.Length : o.GalerkinSizes.Length + o.Resolutions.Length - 1;
            SolveSummary s;
            using (var bar = new ProgressBar($"solve {meth}", steps, pr.GetValue(quiet)))
            using (r.Time("solve"))
                s = HeavyLightSolver.Run(p, meth, o, () => bar.Advance());
            Print(s);
            r.Results["summary"] = LightFrontReport.Json(s);
            CommandKit.SaveReport(r, pr.GetValue(report), pr.GetValue(quiet));
            return 0;
        });
        return cmd;
    }

    private static Command ReportVerb()
    {
        var prm = ParamsOption();
        var pmax = PmaxOption();
        var nk = NkOption();
        var outDir = CommandKit.Out("Output directory for the table, figures and CSVs");
        var quiet = CommandKit.Quiet();
        var threads = CommandKit.Threads();
        var cmd = CommandKit.Verb("report", "Runs DLCQ and Galerkin and writes the observable table, xi(w) with the CLN band, LCDA, PDF, spectrum and convergence plots.",
            "hpckit lightfront report --params docs/lightfront/illustrative-hopping.json --out out/lf");
        foreach (var o in new Option[] { prm, pmax, nk, outDir, quiet, threads }) cmd.Add(o);
        cmd.SetAction(pr =>
        {
            CommandKit.ApplyThreads(pr.GetValue(threads));
            string dir = pr.GetValue(outDir) ?? throw new HpcKitUsageException("--out is required");
            var p = ParameterFile.Load(pr.GetValue(prm)!);
            var o = Options(pr.GetValue(pmax), pr.GetValue(nk)!);
            SolveSummary d, g;
            using (var bar = new ProgressBar("report", 2 * o.Resolutions.Length - 1 + o.GalerkinSizes.Length, pr.GetValue(quiet)))
            {
                d = HeavyLightSolver.Run(p, "dlcq", o, () => bar.Advance());
                g = HeavyLightSolver.Run(p, "galerkin", o, () => bar.Advance());
            }
            Print(d);
            Print(g);
            var files = LightFrontReport.Write(dir, d, g);
            if (!pr.GetValue(quiet)) Console.WriteLine($"wrote {files.Count} files to {dir}");
            return 0;
        });
        return cmd;
    }

    private static void Print(SolveSummary s)
    {
        Console.WriteLine($"parameter set '{s.Parameters.Name}' ({s.Parameters.Description}); method {s.Method}; P_max = {s.Options.PMax.ToString(Inv)} beta");
        var rows = new List<IReadOnlyList<string>>();
        foreach (var pt in s.Points)
        {
            var o = pt.Observables;
            rows.Add([pt.Resolution, F(o.LambdaBar), F(o.P2), F(o.VirialResidual), F(o.FbSqrtMb), F(o.Rho2), F(pt.Seconds)]);
        }
        CommandKit.PrintTable(["resolution", "Lambda (GeV)", "P2", "<k>-Lambda", "fB sqrt(MB)", "rho^2", "seconds"], rows);
        var t = new List<IReadOnlyList<string>>();
        foreach (var (name, unit, _) in ObservableSet.Rows)
        {
            var e = s.Extrapolated[name];
            t.Add([name, unit, F(e.Value), F(e.Uncertainty), double.IsFinite(e.Exponent) ? F(e.Exponent) : "-", e.Fit]);
        }
        CommandKit.PrintTable(["observable (ours)", "unit", "value", "uncertainty", "fitted p", "estimate"], t);
    }

    private static string F(double v) => double.IsFinite(v) ? v.ToString("G6", Inv) : "n/a";
}
