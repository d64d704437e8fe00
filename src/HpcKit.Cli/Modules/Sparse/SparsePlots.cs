using HpcKit.Core.Reporting;
using HpcKit.Sparse.Sequence;

namespace HpcKit.Cli.Modules.Sparse;

/// <summary>Convergence-history and per-system plots of the sparse verbs.</summary>
internal static class SparsePlots
{
    public static SvgPlot History(ReadOnlySpan<double> history, string title)
    {
        var x = new double[history.Length];
        var y = new double[history.Length];
        for (int i = 0; i < x.Length; i++) { x[i] = i; y[i] = Math.Max(history[i], 1e-20); }
        return new SvgPlot(title, "FGMRES iteration (0 = after the LU solve; restarts show the true residual)", "relative residual ||b - Ax|| / ||b||") { LogY = true }
            .LineMarkers("residual", x, y)
            .ReferenceLine(1e-14, false, "tol 1e-14");
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
