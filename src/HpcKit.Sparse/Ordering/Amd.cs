using System.Runtime.CompilerServices;
using HpcKit.Sparse.Storage;

namespace HpcKit.Sparse.Ordering;

/// <summary>
/// Approximate minimum degree ordering of the symmetric pattern A + Aᵀ (Amestoy–Davis–Duff 1996), implemented here
/// from the paper on <see cref="QuotientGraphOrdering"/> (supervariables, mass elimination, aggressive absorption).
/// Nodes whose degree in A + Aᵀ exceeds max(16, dense·√n) are removed from the graph and ordered last (dense ≤ 0: none).
/// </summary>
public static class Amd
{
    /// <summary>Returns q with q[k] = the column eliminated at step k.</summary>
    public static int[] Order(CscMatrix a, double dense = 10.0)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (a.Rows != a.Columns) throw new ArgumentException("AMD needs a square matrix", nameof(a));
        int n = a.Columns;
        var (ptr, idx) = SymmetricPattern(a);
        var excluded = new bool[n];
        int limit = DenseLimit(dense, n);
        if (dense > 0)
            for (int i = 0; i < n; i++) excluded[i] = ptr[i + 1] - ptr[i] > limit;
        return QuotientGraphOrdering.Order(n, ptr, idx, default, default, excluded);
    }

    /// <summary>max(16, dense·√n), the degree above which a row or column is treated as dense.</summary>
    internal static int DenseLimit(double dense, int n) => (int)Math.Min(int.MaxValue, Math.Max(16.0, dense * Math.Sqrt(Math.Max(n, 1))));

    /// <summary>CSR of A + Aᵀ without the diagonal and without duplicates (n + 1 pointers, indices).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static (int[] Ptr, int[] Idx) SymmetricPattern(CscMatrix a)
    {
        int n = a.Columns;
        var cp = a.ColPtr;
        var ri = a.RowIdx;
        var count = new int[n + 1];
        for (int j = 0; j < n; j++)
            for (int p = cp[j]; p < cp[j + 1]; p++)
            {
                int i = ri[p];
                if (i == j) continue;
                count[i]++;
                count[j]++;
            }
        var start = new int[n + 1];
        for (int i = 0; i < n; i++) start[i + 1] = start[i] + count[i];
        var raw = new int[start[n]];
        var cur = new int[n];
        Array.Copy(start, cur, n);
        for (int j = 0; j < n; j++)
            for (int p = cp[j]; p < cp[j + 1]; p++)
            {
                int i = ri[p];
                if (i == j) continue;
                raw[cur[i]++] = j;
                raw[cur[j]++] = i;
            }
        // remove duplicates (entries present in both A and Aᵀ) in place, list by list
        var mark = cur;
        Array.Fill(mark, -1);
        var ptr = count;
        int w = 0;
        for (int i = 0; i < n; i++)
        {
            ptr[i] = w;
            for (int t = start[i]; t < start[i + 1]; t++)
            {
                int j = raw[t];
                if (mark[j] == i) continue;
                mark[j] = i;
                raw[w++] = j;
            }
        }
        ptr[n] = w;
        return (ptr, raw);
    }
}
