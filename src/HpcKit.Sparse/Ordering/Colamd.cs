using HpcKit.Sparse.Storage;

namespace HpcKit.Sparse.Ordering;

/// <summary>
/// Column approximate minimum degree (Davis–Gilbert–Larimore–Ng 2004): minimum-degree ordering of AᵀA without
/// forming it. Each row of A is an initial element of the quotient graph whose variables are the columns; dense rows
/// (more than max(16, dense·√n) entries) are ignored and dense columns ordered last. Implemented here from the paper
/// on <see cref="QuotientGraphOrdering"/>; COLAMD's row-score heuristics are replaced by AMD's approximate degree.
/// </summary>
public static class Colamd
{
    /// <summary>Returns q with q[k] = the column eliminated at step k.</summary>
    public static int[] Order(CscMatrix a, double dense = 10.0)
    {
        ArgumentNullException.ThrowIfNull(a);
        int m = a.Rows, n = a.Columns;
        var at = a.Transpose();
        var g = new QuotientGraphOrdering(n, m);
        int limit = (int)Math.Max(16, dense * Math.Sqrt(Math.Max(n, 1)));
        for (int i = 0; i < m; i++)
        {
            int len = at.ColPtr[i + 1] - at.ColPtr[i];
            if (len == 0 || (dense > 0 && len > limit)) continue;
            var vars = new List<int>(len);
            for (int p = at.ColPtr[i]; p < at.ColPtr[i + 1]; p++) vars.Add(at.RowIdx[p]);
            g.AddInitialElement(i, vars);
        }
        for (int j = 0; j < n; j++)
            if (dense > 0 && a.ColPtr[j + 1] - a.ColPtr[j] > limit) g.Exclude(j);
        return g.Run();
    }
}
