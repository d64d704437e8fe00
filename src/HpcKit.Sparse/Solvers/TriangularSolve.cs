using HpcKit.Sparse.Factorization;
using HpcKit.Sparse.Kernels;

namespace HpcKit.Sparse.Solvers;

/// <summary>
/// x = Q U⁻¹ L⁻¹ P R b: gather y_k = r[p[k]]·b[p[k]] (r = 1 without row scaling), forward substitution with unit L,
/// backward substitution with U, scatter x[q[k]] = y_k. Column-oriented over the CSC factors; spans in, spans out, caller-owned workspace; no allocation.
/// Cost: 2·nnz(L + U) flops per right-hand side.
/// </summary>
public static class TriangularSolve
{
    /// <summary>Solves A x = b with the factors; <paramref name="work"/> has length ≥ n.</summary>
    public static unsafe void Solve(LuFactors f, ReadOnlySpan<double> b, Span<double> x, Span<double> work)
    {
        ArgumentNullException.ThrowIfNull(f);
        int n = f.N;
        if (b.Length < n || x.Length < n || work.Length < n) throw new ArgumentException("vectors shorter than the order of the factors");
        var y = work[..n];
        var p = f.P;
        if (f.RowScale is { } r) for (int k = 0; k < n; k++) y[k] = b[p[k]] * r[p[k]];
        else for (int k = 0; k < n; k++) y[k] = b[p[k]];
        fixed (int* lp = f.L.ColPtr, li = f.L.RowIdx, up = f.U.ColPtr, ui = f.U.RowIdx)
        fixed (double* lx = f.L.Values, ux = f.U.Values, py = y)
        {
            SparseKernels.ForwardUnitLower(py, n, lp, li, lx);
            SparseKernels.BackwardUpper(py, n, up, ui, ux);
        }
        var q = f.Q;
        for (int k = 0; k < n; k++) x[q[k]] = y[k];
    }

    /// <summary>Solves Aᵀ x = c (serves the condition estimator); <paramref name="work"/> has length ≥ n.</summary>
    public static void SolveTransposed(LuFactors f, ReadOnlySpan<double> c, Span<double> x, Span<double> work)
    {
        ArgumentNullException.ThrowIfNull(f);
        int n = f.N;
        var y = work[..n];
        var q = f.Q;
        for (int k = 0; k < n; k++) y[k] = c[q[k]];
        var up = f.U.ColPtr; var ui = f.U.RowIdx; var ux = f.U.Values;
        for (int k = 0; k < n; k++)
        {
            int d = up[k + 1] - 1;
            double s = y[k];
            for (int t = up[k]; t < d; t++) s -= ux[t] * y[ui[t]];
            y[k] = s / ux[d];
        }
        var lp = f.L.ColPtr; var li = f.L.RowIdx; var lx = f.L.Values;
        for (int k = n - 1; k >= 0; k--)
        {
            double s = y[k];
            for (int t = lp[k]; t < lp[k + 1]; t++) s -= lx[t] * y[li[t]];
            y[k] = s;
        }
        var p = f.P;
        if (f.RowScale is { } r) for (int k = 0; k < n; k++) x[p[k]] = y[k] * r[p[k]];
        else for (int k = 0; k < n; k++) x[p[k]] = y[k];
    }

    /// <summary>
    /// Solves A X = B for <paramref name="count"/> right-hand sides stored column-major (column r at r·n) in place:
    /// the factors are streamed once for all columns. <paramref name="work"/> has length ≥ n·count.
    /// </summary>
    public static void SolveMany(LuFactors f, Span<double> bx, int count, Span<double> work)
    {
        ArgumentNullException.ThrowIfNull(f);
        int n = f.N;
        // work holds Y row-major: Y[k * count + r]
        var y = work[..(n * count)];
        var p = f.P;
        var scale = f.RowScale;
        for (int k = 0; k < n; k++)
        {
            double sk = scale == null ? 1.0 : scale[p[k]];
            for (int r = 0; r < count; r++) y[k * count + r] = bx[r * n + p[k]] * sk;
        }
        var lp = f.L.ColPtr; var li = f.L.RowIdx; var lx = f.L.Values;
        for (int k = 0; k < n; k++)
        {
            var yk = y.Slice(k * count, count);
            for (int t = lp[k]; t < lp[k + 1]; t++)
            {
                var yi = y.Slice(li[t] * count, count);
                double l = lx[t];
                for (int r = 0; r < count; r++) yi[r] -= l * yk[r];
            }
        }
        var up = f.U.ColPtr; var ui = f.U.RowIdx; var ux = f.U.Values;
        for (int k = n - 1; k >= 0; k--)
        {
            int d = up[k + 1] - 1;
            var yk = y.Slice(k * count, count);
            double ukk = ux[d];
            for (int r = 0; r < count; r++) yk[r] /= ukk;
            for (int t = up[k]; t < d; t++)
            {
                var yi = y.Slice(ui[t] * count, count);
                double u = ux[t];
                for (int r = 0; r < count; r++) yi[r] -= u * yk[r];
            }
        }
        var q = f.Q;
        for (int k = 0; k < n; k++)
            for (int r = 0; r < count; r++) bx[r * n + q[k]] = y[k * count + r];
    }
}
