using HpcKit.Sparse.Factorization;
using HpcKit.Sparse.Solvers;
using HpcKit.Sparse.Storage;

namespace HpcKit.Sparse.Generators;

/// <summary>
/// Runs a small primal-dual interior-point method (monotone barrier, fraction-to-boundary max(0.99, 1 − μ),
/// μ ← max(1e−9, min(0.2μ, μ^1.5)) once the barrier error is ≤ 10μ) on a DC optimal power flow over a
/// <see cref="GridGraph"/> and hands every KKT system it solves — compressed form of spec §2.1, one pattern,
/// growing ill-conditioning — to a sink. Each system is solved by a fresh pivoted LU plus FGMRES (reference mode).
/// Inertia-free curvature test raises δ_w; a singular factorization raises δ_c; every solved retry is emitted.
/// Project simplifications: T = 1 (no ramps), no losses, full Newton steps inside the fraction-to-boundary rule
/// (the problem is a convex QP with linear constraints, so no merit-function backtracking is needed).
/// </summary>
public sealed class KktSequenceGenerator
{
    private readonly GridGraph _g;
    private readonly KktGeneratorOptions _o;
    private readonly int _ng, _nb, _ne, _nx, _n;
    private double[] _flowMax;
    private double[] _theta = [];
    private readonly int _oS, _oYc, _oYd;

    public KktSequenceGenerator(KktGeneratorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _o = options;
        _g = GridGraph.Create(options.Buses, options.Seed, options.EdgeRatio);
        _ng = _g.Generators;
        _nb = _g.Buses;
        _ne = _g.Lines;
        _nx = _ng + _nb;
        _oS = _nx;
        _oYc = _nx + _ne;
        _oYd = _oYc + _nb + 1;
        _n = _oYd + _ne;
        _flowMax = LineLimits();
    }

    /// <summary>Line flow limits F_e (after the pre-solve).</summary>
    public IReadOnlyList<double> LineLimitsUsed => _flowMax;

    public GridGraph Grid => _g;

    /// <summary>KKT dimension n = G + 2N + 2|E| + 1.</summary>
    public int Dimension => _n;

    /// <summary>Optimizer iterations of the last run.</summary>
    public int Iterations { get; private set; }

    public double Objective { get; private set; }

    public double FinalKktError { get; private set; }

    public bool Converged { get; private set; }

    /// <summary>Timers and counters of the facade in <see cref="KktGeneratorOptions.InApplication"/> mode (null otherwise).</summary>
    public Sequence.SequenceReport? FacadeReport { get; private set; }

    /// <summary>Systems solved (emitted or not).</summary>
    public int Systems { get; private set; }

    /// <summary>Runs the optimizer; <paramref name="sink"/> receives every emitted system in order.</summary>
    public void Run(Action<KktSystem> sink, IProgress<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(sink);
        RunCore(sink, progress, _o.InApplication);
    }

    private void RunCore(Action<KktSystem>? sink, IProgress<int>? progress, bool inApplication = false)
    {
        Sequence.SequenceSolver? facade = null;
        int ng = _ng, nb = _nb, ne = _ne;
        var g = _g;
        var p = new double[ng];
        var th = new double[nb];
        var s = new double[ne];
        var yc = new double[nb + 1];
        var yd = new double[ne];
        var zl = new double[ng]; var zu = new double[ng]; var zsl = new double[ne]; var zsu = new double[ne];
        double mu = 0.1;
        for (int t = 0; t < ng; t++)
        {
            p[t] = 0.5 * (g.PMin[t] + g.PMax[t]);
            zl[t] = mu / (p[t] - g.PMin[t]);
            zu[t] = mu / (g.PMax[t] - p[t]);
        }
        for (int e = 0; e < ne; e++) { zsl[e] = mu / _flowMax[e]; zsu[e] = mu / _flowMax[e]; }
        SymbolicAnalysis? analysis = null;
        KktSystem? held = null;
        int index = 0;
        double deltaC = 0, lastDeltaW = 0;
        var rhs = new double[_n];
        var sol = new double[_n];
        Systems = 0;
        Converged = false;
        int iter;
        for (iter = 0; iter < _o.MaxIterations; iter++)
        {
            double err0 = KktError(p, th, s, yc, yd, zl, zu, zsl, zsu, 0);
            FinalKktError = err0;
            if (err0 <= _o.Tolerance) { Converged = true; break; }
            if (KktError(p, th, s, yc, yd, zl, zu, zsl, zsu, mu) <= 10 * mu) mu = Math.Max(1e-9, Math.Min(0.2 * mu, Math.Pow(mu, 1.5)));
            progress?.Report(iter);
            BuildRhs(rhs, p, th, s, yc, yd, mu);
            double deltaW = 0;
            int retry = 0;
            while (true)
            {
                var lower = BuildMatrix(p, s, zl, zu, zsl, zsu, deltaW, deltaC);
                var full = CscMatrix.ExpandLowerSymmetric(lower);
                analysis ??= SymbolicAnalysis.Analyze(full);
                double cond = 0, relres;
                if (inApplication)
                {
                    // the optimizer drives the sequence facade: refactorization, FGMRES, fallbacks
                    if (facade == null) facade = new Sequence.SequenceSolver(full);
                    else facade.SetMatrix(full);
                    var rep = facade.Solve(rhs, sol);
                    if (rep.Status == Sequence.SystemStatus.Singular)
                    {
                        deltaC = deltaC == 0 ? 1e-8 : 10 * deltaC;
                        retry++;
                        if (retry > 20) throw new InvalidOperationException("KKT generator: factorization stays singular");
                        continue;
                    }
                    relres = rep.ResidualAfter;
                    FacadeReport = facade.Report;
                }
                else
                {
                    var f = LUFactorization.Factorize(full, analysis.Q, null, analysis.EstimatedFactorNnz);
                    if (f.Status != FactorStatus.Ok)
                    {
                        deltaC = deltaC == 0 ? 1e-8 : 10 * deltaC;
                        retry++;
                        if (retry > 20) throw new InvalidOperationException("KKT generator: factorization stays singular");
                        continue;
                    }
                    var pre = new LuPreconditioner(f);
                    pre.Apply(rhs, sol);
                    relres = new Fgmres(_n, 20).Solve(full, pre, rhs, sol, new FgmresOptions { Tolerance = 1e-15, MaxIterations = 60 }).RelativeResidual;
                    if (sink != null) cond = ConditionEstimator.Estimate(full, f);
                }
                Systems++;
                if (sink != null)
                {
                    var sys = new KktSystem(index++, iter, retry, mu, deltaW, deltaC, err0, cond, lower, (double[])rhs.Clone(), (double[])sol.Clone(), relres);
                    if (held != null && (held.Index % _o.EmitEvery == 0)) sink(held);
                    held = sys;
                }
                if (Curvature(sol, p, s, zl, zu, zsl, zsu, deltaW) || retry >= 8) break;
                deltaW = deltaW == 0 ? (lastDeltaW == 0 ? 1e-4 : Math.Max(1e-20, lastDeltaW / 3)) : 8 * deltaW;
                retry++;
            }
            lastDeltaW = deltaW;
            Step(sol, p, th, s, yc, yd, zl, zu, zsl, zsu, mu);
        }
        Iterations = iter;
        FinalKktError = KktError(p, th, s, yc, yd, zl, zu, zsl, zsu, 0);
        Converged = FinalKktError <= _o.Tolerance;
        double obj = 0;
        for (int t = 0; t < ng; t++) obj += g.CostQuadratic[t] * p[t] * p[t] + g.CostLinear[t] * p[t];
        Objective = obj;
        _theta = th;
        if (held != null) sink!(held with { Last = true });
    }

    private double[] LineLimits()
    {
        var g = _g;
        int nb = _nb;
        // DC power flow with dispatch proportional to capacity; θ_0 = 0
        double dsum = g.Demand.Sum(), cap = g.PMax.Sum();
        var inj = new double[nb];
        for (int i = 0; i < nb; i++) inj[i] = -g.Demand[i];
        for (int t = 0; t < _ng; t++) inj[g.GeneratorBus[t]] += g.PMax[t] * dsum / cap;
        var ti = new List<int> { 0 }; var tj = new List<int> { 0 }; var tv = new List<double> { 1.0 };
        for (int e = 0; e < _ne; e++)
        {
            int a = g.From[e], b = g.To[e];
            double be = g.Susceptance[e];
            foreach (var (r, c, v) in new[] { (a, a, be), (b, b, be), (a, b, -be), (b, a, -be) })
                if (r != 0 && c != 0) { ti.Add(r); tj.Add(c); tv.Add(v); }
        }
        var bm = CscMatrix.FromTriplets(nb, nb, ti.ToArray(), tj.ToArray(), tv.ToArray());
        var f = LUFactorization.Factorize(bm, SymbolicAnalysis.Analyze(bm, Ordering.OrderingKind.Amd).Q);
        inj[0] = 0;
        var theta = new double[nb];
        TriangularSolve.Solve(f, inj, theta, new double[nb]);
        var limits = new double[_ne];
        for (int e = 0; e < _ne; e++) limits[e] = Math.Max(2 * Math.Abs(g.Susceptance[e] * (theta[g.From[e]] - theta[g.To[e]])), 1.0);
        if (_o.BindingFraction <= 0) return limits;
        // pre-solve: the optimum with generous limits, then a random fraction of lines limited just below their optimal flow
        _flowMax = limits;
        RunCore(null, null);
        // Binding limits that keep the problem feasible: the midpoint of the pre-solve optimum x* and the proportional
        // dispatch x_pf satisfies |f_mid| <= (|f*| + |f_pf|)/2, so limiting lines where |f*| > |f_pf| to that value (plus a
        // margin) keeps an interior point while cutting off x*: those lines bind at the new optimum.
        var fpf = new double[_ne];
        var fopt = new double[_ne];
        int candidates = 0;
        for (int e = 0; e < _ne; e++)
        {
            fpf[e] = Math.Abs(g.Susceptance[e] * (theta[g.From[e]] - theta[g.To[e]]));
            fopt[e] = Math.Abs(g.Susceptance[e] * (_theta[g.From[e]] - _theta[g.To[e]]));
            if (fopt[e] > fpf[e] + 0.02) candidates++;
        }
        double prob = candidates == 0 ? 0 : Math.Min(1, _o.BindingFraction * _ne / candidates);
        var rng = new Core.Random.RandomStream(_o.Seed, 2);
        var final = new double[_ne];
        for (int e = 0; e < _ne; e++)
        {
            bool bind = fopt[e] > fpf[e] + 0.02 && rng.NextDouble() < prob;
            final[e] = bind ? 0.5 * (fopt[e] + fpf[e]) + 1e-3 : Math.Max(1.5 * Math.Max(fopt[e], fpf[e]), 0.3);
        }
        return final;
    }

    private CscMatrix BuildMatrix(double[] p, double[] s, double[] zl, double[] zu, double[] zsl, double[] zsu, double dw, double dc)
    {
        var g = _g;
        int cap = _n + _ng + _nb + 4 * _ne + 1 + 3 * _ne;
        var ti = new List<int>(cap); var tj = new List<int>(cap); var tv = new List<double>(cap);
        void Add(int r, int c, double v) { ti.Add(r); tj.Add(c); tv.Add(v); }
        for (int t = 0; t < _ng; t++)
            Add(t, t, 2 * g.CostQuadratic[t] + zl[t] / (p[t] - g.PMin[t]) + zu[t] / (g.PMax[t] - p[t]) + dw);
        for (int i = 0; i < _nb; i++) Add(_ng + i, _ng + i, dw);               // θ: explicit zero unless δ_w > 0
        for (int e = 0; e < _ne; e++) Add(_oS + e, _oS + e, zsl[e] / (s[e] + _flowMax[e]) + zsu[e] / (_flowMax[e] - s[e]) + dw);
        for (int i = 0; i <= _nb; i++) Add(_oYc + i, _oYc + i, -dc);
        for (int e = 0; e < _ne; e++) Add(_oYd + e, _oYd + e, -dc);
        // J_c: generators, then −Bθ (diagonal and off-diagonal), then the reference row
        for (int t = 0; t < _ng; t++) Add(_oYc + g.GeneratorBus[t], t, 1.0);
        var diag = new double[_nb];
        for (int e = 0; e < _ne; e++) { diag[g.From[e]] += g.Susceptance[e]; diag[g.To[e]] += g.Susceptance[e]; }
        for (int i = 0; i < _nb; i++) Add(_oYc + i, _ng + i, -diag[i]);
        for (int e = 0; e < _ne; e++)
        {
            Add(_oYc + g.From[e], _ng + g.To[e], g.Susceptance[e]);
            Add(_oYc + g.To[e], _ng + g.From[e], g.Susceptance[e]);
            Add(_oYd + e, _ng + g.From[e], g.Susceptance[e]);
            Add(_oYd + e, _ng + g.To[e], -g.Susceptance[e]);
            Add(_oYd + e, _oS + e, -1.0);
        }
        Add(_oYc + _nb, _ng, 1.0);
        return CscMatrix.FromTriplets(_n, _n, ti.ToArray(), tj.ToArray(), tv.ToArray());
    }

    /// <summary>c(x) (length N + 1) and d(x) (length |E|).</summary>
    private void Constraints(double[] p, double[] th, Span<double> c, Span<double> d)
    {
        var g = _g;
        for (int i = 0; i < _nb; i++) c[i] = -g.Demand[i];
        for (int t = 0; t < _ng; t++) c[g.GeneratorBus[t]] += p[t];
        for (int e = 0; e < _ne; e++)
        {
            double fl = g.Susceptance[e] * (th[g.From[e]] - th[g.To[e]]);
            c[g.From[e]] -= fl;
            c[g.To[e]] += fl;
            d[e] = fl;
        }
        c[_nb] = th[0];
    }

    /// <summary>∇f + J_cᵀ y_c + J_dᵀ y_d (without bound multipliers), length G + N.</summary>
    private void LagrangianGradient(double[] p, double[] yc, double[] yd, Span<double> gx)
    {
        var g = _g;
        gx.Clear();
        for (int t = 0; t < _ng; t++) gx[t] = 2 * g.CostQuadratic[t] * p[t] + g.CostLinear[t] + yc[g.GeneratorBus[t]];
        for (int e = 0; e < _ne; e++)
        {
            int a = _ng + g.From[e], b = _ng + g.To[e];
            double be = g.Susceptance[e];
            double v = yd[e] - yc[g.From[e]] + yc[g.To[e]];
            gx[a] += be * v;
            gx[b] -= be * v;
        }
        gx[_ng] += yc[_nb];
    }

    private void BuildRhs(double[] rhs, double[] p, double[] th, double[] s, double[] yc, double[] yd, double mu)
    {
        var g = _g;
        var gx = rhs.AsSpan(0, _nx);
        LagrangianGradient(p, yc, yd, gx);
        for (int t = 0; t < _ng; t++) gx[t] += -mu / (p[t] - g.PMin[t]) + mu / (g.PMax[t] - p[t]);
        for (int i = 0; i < _nx; i++) gx[i] = -gx[i];
        for (int e = 0; e < _ne; e++) rhs[_oS + e] = yd[e] + mu / (s[e] + _flowMax[e]) - mu / (_flowMax[e] - s[e]);
        var c = rhs.AsSpan(_oYc, _nb + 1);
        var d = rhs.AsSpan(_oYd, _ne);
        Constraints(p, th, c, d);
        for (int i = 0; i <= _nb; i++) c[i] = -c[i];
        for (int e = 0; e < _ne; e++) d[e] = -(d[e] - s[e]);
    }

    private bool Curvature(double[] sol, double[] p, double[] s, double[] zl, double[] zu, double[] zsl, double[] zsu, double dw)
    {
        var g = _g;
        double curv = 0, norm = 0;
        for (int t = 0; t < _ng; t++)
        {
            double h = 2 * g.CostQuadratic[t] + zl[t] / (p[t] - g.PMin[t]) + zu[t] / (g.PMax[t] - p[t]) + dw;
            curv += h * sol[t] * sol[t];
        }
        for (int i = _ng; i < _nx; i++) curv += dw * sol[i] * sol[i];
        for (int e = 0; e < _ne; e++)
        {
            double v = sol[_oS + e];
            curv += (zsl[e] / (s[e] + _flowMax[e]) + zsu[e] / (_flowMax[e] - s[e]) + dw) * v * v;
        }
        for (int i = 0; i < _oYc; i++) norm += sol[i] * sol[i];
        return curv >= 1e-8 * norm;
    }

    private void Step(double[] sol, double[] p, double[] th, double[] s, double[] yc, double[] yd,
        double[] zl, double[] zu, double[] zsl, double[] zsu, double mu)
    {
        var g = _g;
        double tau = Math.Max(0.99, 1 - mu);
        int ng = _ng, ne = _ne;
        var dzl = new double[ng]; var dzu = new double[ng]; var dzsl = new double[ne]; var dzsu = new double[ne];
        double ap = 1, ad = 1;
        for (int t = 0; t < ng; t++)
            BoundStep(sol[t], p[t] - g.PMin[t], g.PMax[t] - p[t], zl[t], zu[t], mu, tau, out dzl[t], out dzu[t], ref ap, ref ad);
        for (int e = 0; e < ne; e++)
            BoundStep(sol[_oS + e], s[e] + _flowMax[e], _flowMax[e] - s[e], zsl[e], zsu[e], mu, tau, out dzsl[e], out dzsu[e], ref ap, ref ad);
        for (int t = 0; t < ng; t++) { p[t] += ap * sol[t]; zl[t] += ad * dzl[t]; zu[t] += ad * dzu[t]; }
        for (int i = 0; i < _nb; i++) th[i] += ap * sol[ng + i];
        for (int e = 0; e < ne; e++) { s[e] += ap * sol[_oS + e]; yd[e] += ap * sol[_oYd + e]; zsl[e] += ad * dzsl[e]; zsu[e] += ad * dzsu[e]; }
        for (int i = 0; i <= _nb; i++) yc[i] += ap * sol[_oYc + i];
    }

    private double KktError(double[] p, double[] th, double[] s, double[] yc, double[] yd,
        double[] zl, double[] zu, double[] zsl, double[] zsu, double mu)
    {
        var g = _g;
        var gx = new double[_nx];
        LagrangianGradient(p, yc, yd, gx);
        for (int t = 0; t < _ng; t++) gx[t] += -zl[t] + zu[t];
        double dual = 0;
        foreach (double v in gx) dual = Math.Max(dual, Math.Abs(v));
        for (int e = 0; e < _ne; e++) dual = Math.Max(dual, Math.Abs(-yd[e] - zsl[e] + zsu[e]));
        var c = new double[_nb + 1];
        var d = new double[_ne];
        Constraints(p, th, c, d);
        double prim = 0;
        foreach (double v in c) prim = Math.Max(prim, Math.Abs(v));
        for (int e = 0; e < _ne; e++) prim = Math.Max(prim, Math.Abs(d[e] - s[e]));
        double compl = 0, zsum = 0, ysum = 0;
        for (int t = 0; t < _ng; t++)
        {
            compl = Math.Max(compl, Math.Max(Math.Abs(zl[t] * (p[t] - g.PMin[t]) - mu), Math.Abs(zu[t] * (g.PMax[t] - p[t]) - mu)));
            zsum += zl[t] + zu[t];
        }
        for (int e = 0; e < _ne; e++)
        {
            compl = Math.Max(compl, Math.Max(Math.Abs(zsl[e] * (s[e] + _flowMax[e]) - mu), Math.Abs(zsu[e] * (_flowMax[e] - s[e]) - mu)));
            zsum += zsl[e] + zsu[e];
        }
        foreach (double v in yc) ysum += Math.Abs(v);
        foreach (double v in yd) ysum += Math.Abs(v);
        int mz = 2 * (_ng + _ne), my = _nb + 1 + _ne;
        double sd = Math.Max(100, (ysum + zsum) / (my + mz)) / 100;
        double sc = Math.Max(100, zsum / mz) / 100;
        return Math.Max(Math.Max(dual / sd, prim), compl / sc);
    }

    /// <summary>
    /// One variable with slacks sl = x − lo and su = hi − x and bound multipliers zl, zu: the multiplier steps of the
    /// barrier Newton direction for a primal step dx, and the fraction-to-boundary limits on the primal (ap) and dual
    /// (ad) step lengths.
    /// </summary>
    private static void BoundStep(double dx, double sl, double su, double zl, double zu, double mu, double tau,
        out double dzl, out double dzu, ref double ap, ref double ad)
    {
        dzl = mu / sl - zl - zl / sl * dx;
        dzu = mu / su - zu + zu / su * dx;
        if (dx < 0) ap = Math.Min(ap, -tau * sl / dx);
        if (dx > 0) ap = Math.Min(ap, tau * su / dx);
        if (dzl < 0) ad = Math.Min(ad, -tau * zl / dzl);
        if (dzu < 0) ad = Math.Min(ad, -tau * zu / dzu);
    }
}
