using HpcKit.Sparse.Storage;

namespace HpcKit.Sparse.Ordering;

/// <summary>
/// Approximate minimum degree ordering of the symmetric pattern A + Aᵀ (Amestoy–Davis–Duff 1996), implemented here
/// from the paper on <see cref="QuotientGraphOrdering"/>. Nodes whose degree exceeds max(16, dense·√n) are ordered last.
/// </summary>
public static class Amd
{
    /// <summary>Returns q with q[k] = the column eliminated at step k.</summary>
    public static int[] Order(CscMatrix a, double dense = 10.0)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (a.Rows != a.Columns) throw new ArgumentException("AMD needs a square matrix", nameof(a));
        int n = a.Columns;
        var g = new QuotientGraphOrdering(n, 0);
        var deg = new int[n];
        var at = a.Transpose();
        var mark = new int[n];
        Array.Fill(mark, -1);
        var nbr = new List<int>[n];
        for (int j = 0; j < n; j++)
        {
            var list = new List<int>();
            mark[j] = j;
            for (int p = a.ColPtr[j]; p < a.ColPtr[j + 1]; p++) { int i = a.RowIdx[p]; if (mark[i] != j) { mark[i] = j; list.Add(i); } }
            for (int p = at.ColPtr[j]; p < at.ColPtr[j + 1]; p++) { int i = at.RowIdx[p]; if (mark[i] != j) { mark[i] = j; list.Add(i); } }
            nbr[j] = list;
            deg[j] = list.Count;
        }
        int limit = (int)Math.Max(16, dense * Math.Sqrt(n));
        for (int j = 0; j < n; j++)
        {
            if (dense > 0 && deg[j] > limit) g.Exclude(j);
            foreach (int i in nbr[j]) g.AddVariableEdge(j, i);
        }
        return g.Run();
    }
}
