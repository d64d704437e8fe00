using System.Runtime.CompilerServices;
using HpcKit.Sparse.Storage;

namespace HpcKit.Sparse.Ordering;

/// <summary>
/// Column approximate minimum degree (Davis–Gilbert–Larimore–Ng 2004): minimum-degree ordering of AᵀA without
/// forming it. Each row of A is an initial element of the quotient graph whose variables are the columns, so
/// eliminating a column merges the rows that hold it, as in the paper. Columns with more than max(16, dense·√n)
/// entries are ordered last, and rows with more than max(16, dense·√n) entries in the remaining columns are ignored
/// (dense ≤ 0: none). Implemented here from the papers on <see cref="QuotientGraphOrdering"/>, which scores columns by
/// AMD's approximate external degree (with supercolumns, mass elimination and aggressive row absorption).
/// </summary>
public static class Colamd
{
    /// <summary>Returns q with q[k] = the column eliminated at step k.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int[] Order(CscMatrix a, double dense = 10.0)
    {
        ArgumentNullException.ThrowIfNull(a);
        int m = a.Rows, n = a.Columns;
        var cp = a.ColPtr;
        var ri = a.RowIdx;
        int colLimit = Amd.DenseLimit(dense, Math.Min(m, n));
        int rowLimit = Amd.DenseLimit(dense, n);
        var excluded = new bool[n];
        var rowPtr = new int[m + 1];
        for (int j = 0; j < n; j++)
        {
            if (dense > 0 && cp[j + 1] - cp[j] > colLimit) { excluded[j] = true; continue; }
            for (int p = cp[j]; p < cp[j + 1]; p++) rowPtr[ri[p] + 1]++;
        }
        // dense rows are dropped (their count becomes zero), then the row lists are filled column by column
        var keep = new int[m + 1];
        for (int i = 0; i < m; i++)
        {
            int c = rowPtr[i + 1];
            keep[i + 1] = keep[i] + (dense > 0 && c > rowLimit ? 0 : c);
        }
        var cur = new int[m];
        Array.Copy(keep, cur, m);
        var rowIdx = new int[keep[m]];
        for (int j = 0; j < n; j++)
        {
            if (excluded[j]) continue;
            for (int p = cp[j]; p < cp[j + 1]; p++)
            {
                int i = ri[p];
                if (cur[i] < keep[i + 1]) rowIdx[cur[i]++] = j;
            }
        }
        return QuotientGraphOrdering.Order(n, default, default, keep, rowIdx, excluded);
    }
}
