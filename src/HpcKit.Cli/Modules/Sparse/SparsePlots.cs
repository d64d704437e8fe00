using HpcKit.Core.Reporting;
using HpcKit.Sparse.Sequence;
using HpcKit.Sparse.Solvers;

namespace HpcKit.Cli.Modules.Sparse;

/// <summary>Convergence-history and per-system plots of the sparse verbs.</summary>
internal static class SparsePlots
{
    /// <summary>
    /// FGMRES history of the last call of <paramref name="g"/>: Arnoldi estimates as a line, true residuals (entry and
    /// each restart) as markers, the stopping tolerance as a reference line; values below 1e-20 are drawn at 1e-20.
    /// </summary>
    public static SvgPlot History(Fgmres g, double tolerance, string title)
    {
        var est = new List<(double X, double Y)>();
        var tru = new List<(double X, double Y)>();
        for (int i = 0; i < g.HistoryCount; i++)
        {
            var point = (g.HistoryIteration[i], Math.Max(g.History[i], 1e-20));
            // a cycle's estimates start from its true residual, so that point belongs to both series
            if (g.HistoryIsTrueResidual[i]) { tru.Add(point); est.Add(point); }
            else est.Add(point);
        }
        var plot = new SvgPlot(title, "FGMRES iteration (0 = after the LU solve)", "relative residual ||b - Ax|| / ||b||") { LogY = true }
            .LineMarkers("Arnoldi estimate |g|/||b||", est.Select(p => p.X).ToArray(), est.Select(p => p.Y).ToArray())
            .Scatter("true residual", tru.Select(p => p.X).ToArray(), tru.Select(p => p.Y).ToArray());
        return tolerance > 0 ? plot.ReferenceLine(tolerance, false, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"tol {tolerance:G3}")) : plot;
    }

    public static SvgPlot Sequence(IReadOnlyList<SystemReport> rows, double[]? condition, string title)
    {
        var k = rows.Select(r => (double)r.Index).ToArray();
        var plot = new SvgPlot(title, "system k", "value") { LogY = true }
            .LineMarkers("relative residual after LU solve", k, rows.Select(r => Math.Max(r.ResidualBefore, 1e-20)).ToArray())
            .LineMarkers("relative residual after FGMRES", k, rows.Select(r => Math.Max(r.ResidualAfter, 1e-20)).ToArray())
            .LineMarkers("FGMRES iterations (+1)", k, rows.Select(r => r.Iterations + 1.0).ToArray());
        if (condition != null) plot.LineMarkers("1-norm condition estimate", k, condition);
        return plot;
    }
}
