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
        int colLimit = Amd.DenseLimit(dense, Math.Min(m, n));
        int rowLimit = Amd.DenseLimit(dense, n);
        var excluded = new bool[n];
        if (dense > 0)
            for (int j = 0; j < n; j++) excluded[j] = cp[j + 1] - cp[j] > colLimit;
        return QuotientGraphOrdering.OrderColumns(m, n, cp, a.RowIdx, excluded, dense > 0 ? rowLimit : int.MaxValue);
    }
}
