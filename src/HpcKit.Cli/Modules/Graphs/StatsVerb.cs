using System.CommandLine;
using System.Globalization;
using HpcKit.Core;
using HpcKit.Core.Reporting;
using HpcKit.Graphs.Analysis;
using HpcKit.Graphs.IO;
using HpcKit.Graphs.Model;

namespace HpcKit.Cli.Modules.Graphs;

/// <summary>`hpckit chunglu stats`: an edge list against its weights — edge-count z, degree agreement, CCDF plot.</summary>
internal static class StatsVerb
{
    public const string Example = "hpckit chunglu stats --edges g.bin --n 1000000 --beta 2.5 --avg-degree 20 --out out/stats";

    public static Command Create()
    {
        var inputs = new ChungLuInputs();
        var edges = new Option<string>("--edges") { Description = "The edge list to check (text or binary)", Required = true };
        var outOpt = CommandKit.Out("Output directory for degree-ccdf.svg and degree-ccdf.csv");
        var report = CommandKit.Report();
        var quiet = CommandKit.Quiet();
        var cmd = CommandKit.Verb("stats", "Checks an edge list against its weights: edge count z against exact E[m], per-node degree agreement, log–log degree CCDF vs the model.", Example);
        cmd.Add(edges);
        inputs.AddTo(cmd);
        cmd.Add(outOpt);
        cmd.Add(report);
        cmd.Add(quiet);
        cmd.SetAction(p =>
        {
            bool q = p.GetValue(quiet);
            var model = inputs.Model(p, 1, q);
            string path = p.GetValue(edges)!;
            long m = 0;
            var deg = Degrees(path, model.N, ref m);
            var st = new DegreeStatistics(model, deg, m);
            var inv = CultureInfo.InvariantCulture;
            Console.WriteLine(string.Create(inv, $"n = {model.N}, m = {m}, E[m] = {st.ExpectedEdges:F1}, z = {st.EdgeZ:F2}"));
            Console.WriteLine(string.Create(inv, $"per-node degrees: (Σz² − n)/sd = {st.DegreeChiZ:F2}, share |z| > 3 = {st.ShareAbove3:P3} (≈ 0.27% expected for large degrees)"));
            var r = new RunReport("chunglu stats") { Environment = EnvironmentInfo.Capture() };
            r.Parameter("edges", path).Parameter("n", model.N);
            r.Result("m", m).Result("expected_m", st.ExpectedEdges).Result("edge_z", st.EdgeZ).Result("degree_chi_z", st.DegreeChiZ).Result("share_abs_z_above_3", st.ShareAbove3);
            string? dir = p.GetValue(outOpt);
            if (dir != null)
            {
                var csv = new CsvTable("degree", "empirical_ccdf", "model_ccdf");
                for (int i = 0; i < st.Degrees.Length; i++) csv.Add(st.Degrees[i], st.EmpiricalCcdf[i], st.ModelCcdf[i]);
                csv.Save(Path.Combine(dir, "degree-ccdf.csv"));
                Plot(st, $"Degree CCDF of {Path.GetFileName(path)} vs Chung–Lu model").Save(Path.Combine(dir, "degree-ccdf.svg"));
                if (!q) Console.WriteLine($"wrote {Path.Combine(dir, "degree-ccdf.svg")}");
            }
            CommandKit.SaveReport(r, p.GetValue(report), q);
            return 0;
        });
        return cmd;
    }

    public static long[] Degrees(string path, int n)
    {
        long m = 0;
        return Degrees(path, n, ref m);
    }

    private static long[] Degrees(string path, int n, ref long m)
    {
        var deg = new long[n];
        long count = 0;
        EdgeListReader.ForEach(path, (a, b) =>
        {
            if (a >= n || b >= n) throw new HpcKitDataException(path, 0, $"edge ({a}, {b}) has an id outside the {n} nodes of the weights");
            deg[a]++;
            deg[b]++;
            count++;
        });
        m = count;
        return deg;
    }

    public static SvgPlot Plot(DegreeStatistics st, string title)
    {
        ArgumentNullException.ThrowIfNull(st);
        var plot = new SvgPlot(title, "degree k", "P(D ≥ k)") { LogX = true, LogY = true };
        plot.Scatter("generated", st.Degrees, st.EmpiricalCcdf);
        var y = Array.ConvertAll(st.ModelCcdf, v => Math.Max(v, 1e-12));
        plot.Line("model (mixed Poisson of E[d_u])", st.Degrees, y);
        return plot;
    }
}
