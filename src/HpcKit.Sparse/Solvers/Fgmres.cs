using System.Diagnostics;
using System.Numerics.Tensors;
using HpcKit.Sparse.Storage;

namespace HpcKit.Sparse.Solvers;

/// <summary>
/// Restarted, right-preconditioned flexible GMRES (Saad 1993) used as iterative refinement around LU factors.
/// Keeps z_i = M⁻¹ v_i, orthogonalizes with MGS, CGS, CGS2 or two-synch MGS, updates the least-squares problem
/// with Givens rotations, recomputes the true residual at every restart, and stops on ‖r‖ relative to ‖b‖ (pre-check
/// included) or on the componentwise backward error ω ≤ η. Workspace is allocated once per (n, m); a call allocates
/// nothing. An instance is not thread-safe.
/// </summary>
public sealed class Fgmres
{
    private readonly int _n, _m;
    private readonly double[] _v, _z, _h, _cs, _sn, _g, _y, _r, _w, _t, _t2, _lt, _absAx, _xPrev;
    private int _basisCount;

    public Fgmres(int n, int restart)
    {
        if (n < 0 || restart < 1) throw new ArgumentOutOfRangeException(nameof(restart));
        _n = n;
        _m = restart;
        _v = new double[(long)(restart + 1) * n];
        _z = new double[(long)restart * n];
        _h = new double[(restart + 1) * restart];
        _cs = new double[restart];
        _sn = new double[restart];
        _g = new double[restart + 1];
        _y = new double[restart];
        _r = new double[n];
        _w = new double[n];
        _t = new double[restart + 1];
        _t2 = new double[restart + 1];
        _lt = new double[(restart + 1) * (restart + 1)];
        _absAx = new double[n];
        _xPrev = new double[n];
        History = new double[1024];
        HistoryIteration = new int[History.Length];
        HistoryIsTrueResidual = new bool[History.Length];
    }

    public int Restart => _m;

    /// <summary>Krylov memory in bytes (V and Z).</summary>
    public long KrylovBytes => 8L * (_v.Length + _z.Length);

    /// <summary>
    /// Relative residuals of the last call, in the order computed: the true residual at entry, the Arnoldi estimate
    /// |g_{i+1}|/‖b‖ after every iteration, the true residual after every cycle (first <see cref="HistoryCount"/>).
    /// </summary>
    public double[] History { get; }

    /// <summary>Iterations done when each <see cref="History"/> entry was recorded.</summary>
    public int[] HistoryIteration { get; }

    /// <summary>Whether each <see cref="History"/> entry is a true residual ‖b − A x‖/‖b‖ (else an Arnoldi estimate).</summary>
    public bool[] HistoryIsTrueResidual { get; }

    public int HistoryCount { get; private set; }

    /// <summary>
    /// b − A x for the x the last call returned, with ‖·‖₂ = its FinalResidual and ω = its BackwardError; valid when
    /// that call's status is not NonFinite and ‖b‖ &gt; 0.
    /// </summary>
    public ReadOnlySpan<double> LastResidual => _r.AsSpan(0, _n);

    /// <summary>Basis vector i (0-based) of the last cycle.</summary>
    public ReadOnlySpan<double> BasisVector(int i) => _v.AsSpan(i * _n, _n);

    /// <summary>Number of basis vectors of the last cycle.</summary>
    public int BasisCount => _basisCount;

    /// <summary>Solves A x = b starting from <paramref name="x"/> (usually M⁻¹ b), refining it in place.</summary>
    public FgmresResult Solve(CscMatrix a, IPreconditioner m, ReadOnlySpan<double> b, Span<double> x, FgmresOptions options)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(m);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Restart > _m) throw new ArgumentException($"workspace restart {_m} < requested {options.Restart}", nameof(options));
        int n = _n, mm = options.Restart;
        long synchs = 0, tPre = 0, tSpmv = 0, tOrth = 0;
        int spmv = 0, pre = 0, its = 0, restarts = 0;
        HistoryCount = 0;
        _basisCount = 0;
        double bnorm = TensorPrimitives.Norm(b);
        if (bnorm == 0)
        {
            x.Clear();
            return new FgmresResult(FgmresStatus.ConvergedOnEntry, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        }
        var r = _r.AsSpan();
        long s0 = Stopwatch.GetTimestamp();
        a.Residual(b, x, r);
        tSpmv += Stopwatch.GetTimestamp() - s0;
        spmv++;
        double beta = TensorPrimitives.Norm(r);
        synchs += 2;
        double beta0 = beta;
        double target = options.Test switch
        {
            ConvergenceTest.Absolute => options.Tolerance,
            ConvergenceTest.RelativeToInitialResidual => options.Tolerance * beta0,
            _ => options.Tolerance * bnorm,
        };
        Record(beta / bnorm, true, 0);
        double omega = options.BackwardErrorStop > 0 ? BackwardError(a, b, x, r) : double.NaN;
        if (!double.IsFinite(beta)) return Done(FgmresStatus.NonFinite, beta);
        if (beta <= target || omega <= options.BackwardErrorStop) return Done(FgmresStatus.ConvergedOnEntry, beta);
        while (true)
        {
            restarts++;
            var v0 = _v.AsSpan(0, n);
            TensorPrimitives.Multiply(r, 1.0 / beta, v0);
            Array.Clear(_g);
            _g[0] = beta;
            int i = 0;
            bool nonFinite = false;
            for (; i < mm && its < options.MaxIterations;)
            {
                var vi = _v.AsSpan(i * n, n);
                var zi = _z.AsSpan(i * n, n);
                long t0 = Stopwatch.GetTimestamp();
                m.Apply(vi, zi);
                long t1 = Stopwatch.GetTimestamp();
                var w = _w.AsSpan();
                a.Multiply(zi, w);
                long t2 = Stopwatch.GetTimestamp();
                tPre += t1 - t0;
                tSpmv += t2 - t1;
                pre++;
                spmv++;
                var hcol = _h.AsSpan(i * (mm + 1), mm + 1);
                synchs += Orthogonalize(options.GramSchmidt, w, i + 1, hcol);
                double hn = TensorPrimitives.Norm(w);
                tOrth += Stopwatch.GetTimestamp() - t2;
                hcol[i + 1] = hn;
                its++;
                if (!double.IsFinite(hn)) { nonFinite = true; break; }
                bool breakdown = hn <= 1e-300 * Math.Max(1.0, beta);
                if (!breakdown) TensorPrimitives.Multiply(w, 1.0 / hn, _v.AsSpan((i + 1) * n, n));
                // apply previous rotations, then build rotation i
                for (int k = 0; k < i; k++)
                {
                    double h1 = hcol[k], h2 = hcol[k + 1];
                    hcol[k] = _cs[k] * h1 + _sn[k] * h2;
                    hcol[k + 1] = -_sn[k] * h1 + _cs[k] * h2;
                }
                double rr = double.Hypot(hcol[i], hcol[i + 1]);
                if (rr == 0) { _cs[i] = 1; _sn[i] = 0; }
                else { _cs[i] = hcol[i] / rr; _sn[i] = hcol[i + 1] / rr; }
                hcol[i] = rr;
                hcol[i + 1] = 0;
                _g[i + 1] = -_sn[i] * _g[i];
                _g[i] = _cs[i] * _g[i];
                i++;
                _basisCount = breakdown ? i : i + 1;
                Record(Math.Abs(_g[i]) / bnorm, false, its);
                if (breakdown || Math.Abs(_g[i]) <= target) break;
            }
            if (nonFinite) return Done(FgmresStatus.NonFinite, double.NaN);
            // back substitution R y = g, then x += Z y
            for (int k = i - 1; k >= 0; k--)
            {
                double s = _g[k];
                for (int c = k + 1; c < i; c++) s -= _h[c * (mm + 1) + k] * _y[c];
                _y[k] = s / _h[k * (mm + 1) + k];
            }
            x.CopyTo(_xPrev);
            for (int k = 0; k < i; k++) TensorPrimitives.MultiplyAdd(_z.AsSpan(k * n, n), _y[k], x, x);
            long s1 = Stopwatch.GetTimestamp();
            a.Residual(b, x, r);
            tSpmv += Stopwatch.GetTimestamp() - s1;
            spmv++;
            double beta2 = TensorPrimitives.Norm(r);
            synchs++;
            Record(beta2 / bnorm, true, its);
            if (!(beta2 <= beta))
            {
                // the cycle made the true residual worse (rounding, or a preconditioner far from A⁻¹): keep the
                // previous iterate, whose residual is recomputed so that r, ω and the result describe the x returned
                _xPrev.CopyTo(x);
                a.Residual(b, x, r);
                spmv++;
                omega = options.BackwardErrorStop > 0 ? BackwardError(a, b, x, r) : double.NaN;
                return Done(double.IsFinite(beta2) ? FgmresStatus.Stagnated : FgmresStatus.NonFinite, beta);
            }
            omega = options.BackwardErrorStop > 0 ? BackwardError(a, b, x, r) : double.NaN;
            if (beta2 <= target || omega <= options.BackwardErrorStop) return Done(FgmresStatus.Converged, beta2);
            if (its >= options.MaxIterations) return Done(FgmresStatus.MaxIterations, beta2);
            if (beta2 > options.StagnationFactor * beta) return Done(FgmresStatus.Stagnated, beta2);
            beta = beta2;
        }

        FgmresResult Done(FgmresStatus s, double final) =>
            new(s, its, restarts, synchs, spmv, pre, beta0, final, bnorm, omega, tPre, tSpmv, tOrth);
    }

    /// <summary>ω(x) = max_i |r_i| / (|A||x| + |b|)_i with 0/0 = 0; <paramref name="r"/> = b − A x.</summary>
    public double BackwardError(CscMatrix a, ReadOnlySpan<double> b, ReadOnlySpan<double> x, ReadOnlySpan<double> r)
    {
        ArgumentNullException.ThrowIfNull(a);
        var s = _absAx.AsSpan(0, a.Rows);
        a.AbsResidualScale(b, x, s);
        double w = 0;
        for (int i = 0; i < s.Length; i++)
        {
            double num = Math.Abs(r[i]);
            if (num == 0) continue;
            double q = s[i] == 0 ? double.PositiveInfinity : num / s[i];
            if (!(q <= w)) w = q;
        }
        return w;
    }

    private void Record(double v, bool trueResidual, int iteration)
    {
        if (HistoryCount >= History.Length) return;
        HistoryIteration[HistoryCount] = iteration;
        HistoryIsTrueResidual[HistoryCount] = trueResidual;
        History[HistoryCount++] = v;
    }

    /// <summary>Orthogonalizes w against the first <paramref name="k"/> basis vectors; h gets the coefficients. Returns synchs of the step, the norm included (spec §3.7).</summary>
    private long Orthogonalize(GramSchmidtKind kind, Span<double> w, int k, Span<double> h)
    {
        int n = _n;
        switch (kind)
        {
            case GramSchmidtKind.Mgs:
                for (int t = 0; t < k; t++)
                {
                    var vt = _v.AsSpan(t * n, n);
                    double d = TensorPrimitives.Dot(vt, w);
                    h[t] = d;
                    TensorPrimitives.MultiplyAdd(vt, -d, w, w);
                }
                return k + 1;
            case GramSchmidtKind.Cgs:
                Project(w, k, h);
                return 2;
            case GramSchmidtKind.Cgs2:
                Project(w, k, h);
                var h2 = _t2.AsSpan(0, k);
                Project(w, k, h2);
                for (int t = 0; t < k; t++) h[t] += h2[t];
                return 3;
            case GramSchmidtKind.MgsTwoSynch:
            case GramSchmidtKind.MgsPostModern:
            {
                // one fused reduction: Vᵀ[v_{k−1}, w] → row k−1 of L̃ and t = Vᵀw
                int ld = _m + 1;
                var vlast = _v.AsSpan((k - 1) * n, n);
                var tv = _t.AsSpan(0, k);
                for (int c = 0; c < k; c++)
                {
                    var vc = _v.AsSpan(c * n, n);
                    if (c < k - 1) _lt[(k - 1) * ld + c] = TensorPrimitives.Dot(vc, vlast);
                    tv[c] = TensorPrimitives.Dot(vc, w);
                }
                // (I + L̃) h = t, forward substitution on the host
                for (int c = 0; c < k; c++)
                {
                    double s = tv[c];
                    for (int e = 0; e < c; e++) s -= _lt[c * ld + e] * h[e];
                    h[c] = s;
                }
                // post-modern: then (I + L̃)ᵀ h' = h, backward substitution on the host
                if (kind == GramSchmidtKind.MgsPostModern)
                    for (int c = k - 1; c >= 0; c--)
                    {
                        double s = h[c];
                        for (int e = c + 1; e < k; e++) s -= _lt[e * ld + c] * h[e];
                        h[c] = s;
                    }
                for (int c = 0; c < k; c++) TensorPrimitives.MultiplyAdd(_v.AsSpan(c * n, n), -h[c], w, w);
                return 2;
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(kind));
        }
    }

    private void Project(Span<double> w, int k, Span<double> h)
    {
        int n = _n;
        for (int t = 0; t < k; t++) h[t] = TensorPrimitives.Dot(_v.AsSpan(t * n, n), w);
        for (int t = 0; t < k; t++) TensorPrimitives.MultiplyAdd(_v.AsSpan(t * n, n), -h[t], w, w);
    }
}
