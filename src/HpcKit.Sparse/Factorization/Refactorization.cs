using System.Diagnostics;
using HpcKit.Sparse.Kernels;
using HpcKit.Sparse.Storage;

namespace HpcKit.Sparse.Factorization;

/// <summary>
/// Numeric refactorization along frozen pivots and frozen L/U patterns, with static pivot boosting (spec §3.4).
/// Built once after a full factorization: it precomputes, for every entry of A, its row in pivot order. Each call
/// scatters the new column q[k], eliminates with the columns of L in ascending order (a topological order for a
/// frozen pattern, so no DFS), and replaces |u_kk| &lt; ζ by ±β (sign of the computed pivot, + for 0). The monitors
/// (min/max |u_kk| after boosting, pivot growth ρ) are updated in the same pass; RowMax scale factors, when the factors
/// have them, are recomputed from the new values first. No pivot
/// search, no allocation, no pattern growth; cost equals the flops of the factorization. The dense work vector is
/// cleared while values are gathered (no separate clearing pass).
/// </summary>
public sealed unsafe class Refactorization
{
    private readonly LuFactors _f;
    private readonly int[] _aColPtr;
    private readonly int[] _aRowIdx;
    private readonly int[] _targetRow;   // pinv[A.RowIdx[t]] for each stored entry t of A
    private readonly double[] _x;
    private double[]? _rowSums;

    /// <summary>Prepares refactorization of matrices with the pattern of <paramref name="pattern"/>.</summary>
    public Refactorization(LuFactors factors, CscMatrix pattern)
    {
        ArgumentNullException.ThrowIfNull(factors);
        ArgumentNullException.ThrowIfNull(pattern);
        _f = factors;
        _aColPtr = pattern.ColPtr;
        _aRowIdx = pattern.RowIdx;
        _targetRow = new int[pattern.Nnz];
        for (int t = 0; t < pattern.Nnz; t++) _targetRow[t] = factors.PInverse[pattern.RowIdx[t]];
        _x = new double[factors.N];
    }

    public LuFactors Factors => _f;

    /// <summary>Refactors in place with the values of <paramref name="a"/>, which must have the analysed pattern.</summary>
    public FactorStatus Refactor(CscMatrix a, LuOptions options)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (!ReferenceEquals(a.RowIdx, _aRowIdx) && !(a.Nnz == _aRowIdx.Length && a.ColPtr.AsSpan().SequenceEqual(_aColPtr) && a.RowIdx.AsSpan(0, a.Nnz).SequenceEqual(_aRowIdx)))
            throw new PatternMismatchException("refactorization: the matrix pattern differs from the analysed pattern");
        return Refactor(a.Values, options, options.BoostRelativeToNorm ? a.NormInf(_rowSums ??= new double[a.Rows]) : 1.0);
    }

    /// <summary>Refactors with values given in the analysed pattern's order. <paramref name="scale"/> multiplies ζ and β.</summary>
    public FactorStatus Refactor(ReadOnlySpan<double> values, LuOptions options, double scale = 1.0)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (values.Length != _targetRow.Length) throw new PatternMismatchException($"refactorization: {values.Length} values for a pattern of {_targetRow.Length}");
        long t0 = Stopwatch.GetTimestamp();
        var f = _f;
        int n = f.N;
        double zeta = options.ZeroThreshold * scale, beta = options.BoostValue * scale;
        int boosts = 0;
        double minBefore = double.PositiveInfinity;
        double mn = double.PositiveInfinity, mx = 0, rho = double.PositiveInfinity; // monitors, as LuFactors.ComputeMonitors
        f.BoostedSteps.Clear();
        bool finite = true;
        var rowScale = f.RowScale;
        if (rowScale != null) RowScaler.RowMax(_aRowIdx.AsSpan(0, values.Length), values, rowScale);
        fixed (int* lp = f.L.ColPtr, li = f.L.RowIdx, up = f.U.ColPtr, ui = f.U.RowIdx, q = f.Q, ap = _aColPtr, tr = _targetRow, ar = _aRowIdx)
        fixed (double* lx = f.L.Values, ux = f.U.Values, x = _x, val = values, rs = rowScale)
        {
            for (int k = 0; k < n; k++)
            {
                // x is all zero here: every entry written below is cleared again while it is gathered
                int j = q[k];
                double amax = rs == null
                    ? SparseKernels.ScatterAdd(x, tr + ap[j], val + ap[j], ap[j + 1] - ap[j])
                    : SparseKernels.ScatterAddScaled(x, tr + ap[j], val + ap[j], ar + ap[j], rs, ap[j + 1] - ap[j]);
                int u0 = up[k], u1 = up[k + 1] - 1; // u1: diagonal
                double umax = SparseKernels.EliminateFrozen(x, ui + u0, ux + u0, u1 - u0, lp, li, lx);
                double u = x[k];
                x[k] = 0;
                double au = Math.Abs(u);
                if (au < minBefore) minBefore = au;
                if (au < zeta)
                {
                    u = u >= 0 ? beta : -beta;
                    if (boosts < 16) f.BoostedSteps.Add(k);
                    boosts++;
                }
                if (!double.IsFinite(u)) finite = false;
                ux[u1] = u;
                au = Math.Abs(u);
                if (!(au >= mn)) mn = au;
                if (!(au <= mx)) mx = au;
                umax = Math.Max(umax, au);
                if (umax > 0) rho = Math.Min(rho, amax / umax);
                int l0 = lp[k];
                SparseKernels.GatherScaled(x, li + l0, lx + l0, lp[k + 1] - l0, 1.0 / u);
            }
        }
        f.Boosts = boosts;
        f.MinPivotBeforeBoost = minBefore;
        f.SetMonitors(mn, mx, rho);
        f.Seconds = Stopwatch.GetElapsedTime(t0).TotalSeconds;
        f.Status = finite ? FactorStatus.Ok : FactorStatus.NonFinite;
        return f.Status;
    }
}
