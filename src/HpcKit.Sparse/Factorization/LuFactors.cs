using HpcKit.Sparse.Storage;

namespace HpcKit.Sparse.Factorization;

/// <summary>
/// Exposed LU factors with (R A)[p[i], q[j]] = (L U)[i, j], R = diag(<see cref="RowScale"/>) or the identity when that is
/// null: L unit lower triangular (diagonal implicit) and U upper
/// triangular, both CSC with row indices in pivot order and sorted (unless <see cref="LuOptions.SortFactorRows"/> was
/// false: then in elimination order), U's diagonal last in each column. Row k of P A is
/// row p[k] of A; column k of A Q is column q[k] of A. Values change in place on refactorization; patterns are frozen.
/// </summary>
public sealed class LuFactors
{
    internal LuFactors(int n, CscMatrix l, CscMatrix u, int[] p, int[] q, int[]? pinvStorage = null, int[]? qinvStorage = null)
    {
        N = n;
        L = l;
        U = u;
        P = p;
        Q = q;
        PInverse = Invert(p, pinvStorage);
        QInverse = Invert(q, qinvStorage);
    }

    public int N { get; }

    /// <summary>Strictly lower part of L (unit diagonal implicit).</summary>
    public CscMatrix L { get; }

    /// <summary>U with its diagonal as the last entry of each column.</summary>
    public CscMatrix U { get; }

    public int[] P { get; }

    public int[] Q { get; }

    public int[] PInverse { get; }

    /// <summary>Row scale factors r (R = diag(r), indexed by original row) when <see cref="RowScaling.RowMax"/> was used, else null.</summary>
    public double[]? RowScale { get; internal set; }

    public int[] QInverse { get; }

    public FactorStatus Status { get; internal set; } = FactorStatus.Ok;

    /// <summary>Pivot step where a singular column was found (−1 when none).</summary>
    public int SingularStep { get; internal set; } = -1;

    /// <summary>nnz(L) without its unit diagonal.</summary>
    public int NnzL => L.Nnz;

    /// <summary>nnz(U) including the diagonal.</summary>
    public int NnzU => U.Nnz;

    /// <summary>nnz(L + U) = nnz(L) + nnz(U), diagonal counted once.</summary>
    public long NnzLU => (long)L.Nnz + U.Nnz;

    /// <summary>Floating-point operations of the last (re)factorization.</summary>
    public double Flops { get; internal set; }

    /// <summary>Pivots taken off the diagonal (p[k] ≠ q[k]) in the full factorization.</summary>
    public int OffDiagonalPivots { get; internal set; }

    public double MinAbsPivot { get; internal set; }

    public double MaxAbsPivot { get; internal set; }

    /// <summary>Reciprocal pivot growth ρ = min_k max|(P R A Q)(:,k)| / max|U(:,k)|.</summary>
    public double PivotGrowth { get; internal set; }

    /// <summary>Cheap rcond = min|u_kk| / max|u_kk|.</summary>
    public double CheapRcond => MaxAbsPivot > 0 ? MinAbsPivot / MaxAbsPivot : 0;

    /// <summary>Boosted pivots in the last refactorization.</summary>
    public int Boosts { get; internal set; }

    /// <summary>The first (up to 16) boosted pivot steps of the last refactorization.</summary>
    public List<int> BoostedSteps { get; } = [];

    /// <summary>min |u_kk| before boosting, last refactorization.</summary>
    public double MinPivotBeforeBoost { get; internal set; }

    /// <summary>Seconds spent in the last (re)factorization.</summary>
    public double Seconds { get; internal set; }

    /// <summary>Index of U(k,k) in U.Values for column k.</summary>
    public int DiagonalIndex(int k) => U.ColPtr[k + 1] - 1;

    /// <summary>L + U − I as one CSR matrix (bundled pattern for backends that take one).</summary>
    public CsrMatrix CombinedCsr()
    {
        int n = N;
        var ptr = new int[n + 1];
        var ri = new int[L.Nnz + U.Nnz];
        var v = new double[ri.Length];
        int w = 0;
        for (int j = 0; j < n; j++)
        {
            for (int p = U.ColPtr[j]; p < U.ColPtr[j + 1]; p++) { ri[w] = U.RowIdx[p]; v[w++] = U.Values[p]; }
            for (int p = L.ColPtr[j]; p < L.ColPtr[j + 1]; p++) { ri[w] = L.RowIdx[p]; v[w++] = L.Values[p]; }
            ptr[j + 1] = w;
        }
        return new CscMatrix(n, n, ptr, ri, v).ToCsr();
    }

    internal void ComputeMonitors(CscMatrix a)
    {
        double mn = double.PositiveInfinity, mx = 0, rho = double.PositiveInfinity;
        int[] up = U.ColPtr, ap = a.ColPtr, q = Q;
        double[] ux = U.Values, ax = a.Values;
        for (int k = 0; k < N; k++)
        {
            int u1 = up[k + 1];
            double d = Math.Abs(ux[u1 - 1]);
            if (!(d >= mn)) mn = d;
            if (!(d <= mx)) mx = d;
            double umax = 0, amax = 0;
            for (int p = up[k]; p < u1; p++) umax = Math.Max(umax, Math.Abs(ux[p]));
            int j = q[k];
            var r = RowScale;
            for (int p = ap[j], e = ap[j + 1]; p < e; p++) amax = Math.Max(amax, Math.Abs(ax[p]) * (r == null ? 1.0 : r[a.RowIdx[p]]));
            if (umax > 0) rho = Math.Min(rho, amax / umax);
        }
        SetMonitors(mn, mx, rho);
    }

    /// <summary>Stores the monitors from min/max |u_kk| and min over k of max|A(:,q_k)| / max|U(:,k)|.</summary>
    internal void SetMonitors(double mn, double mx, double rho)
    {
        MinAbsPivot = N == 0 ? 0 : mn;
        MaxAbsPivot = mx;
        PivotGrowth = double.IsPositiveInfinity(rho) ? 1 : rho;
    }

    private static int[] Invert(int[] p, int[]? storage)
    {
        var inv = storage ?? new int[p.Length];
        for (int k = 0; k < p.Length; k++) inv[p[k]] = k;
        return inv;
    }
}
