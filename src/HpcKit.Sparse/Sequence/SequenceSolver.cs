using System.Diagnostics;
using System.Numerics.Tensors;
using HpcKit.Sparse.Backend;
using HpcKit.Sparse.Factorization;
using HpcKit.Sparse.Solvers;
using HpcKit.Sparse.Storage;

namespace HpcKit.Sparse.Sequence;

/// <summary>
/// Solves a sequence A_k x_k = b_k on one sparsity pattern (spec §4): analyze once; factor the first InitialFull
/// systems in full; then refactorize along frozen pivots (or reuse stale factors), solve, refine with FGMRES, check,
/// and fall back to one full factorization when a monitor or the residual check fails — never more than one per
/// system. After warm-up the refactor → solve → refine path allocates nothing. Not thread-safe.
/// </summary>
public sealed class SequenceSolver
{
    private readonly CscMatrix _a;
    private readonly SequenceOptions _o;
    private readonly ISparseBackend _backend;
    private readonly Fgmres _fgmres;
    private readonly double[] _r, _rowSum;
    private SymbolicAnalysis? _analysis;
    private LuFactors? _spare; // factors the backend no longer holds: storage for the next full factorization
    private double _rcondAtFull;
    private int _index;

    /// <param name="pattern">full-storage matrix whose pattern (explicit zeros included) all systems share; its values are copied</param>
    /// <param name="options">settings; defaults when null</param>
    /// <param name="backend">refactor/solve backend; the managed CPU backend when null</param>
    public SequenceSolver(CscMatrix pattern, SequenceOptions? options = null, ISparseBackend? backend = null)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        if (pattern.Rows != pattern.Columns) throw new Core.HpcKitDataException($"matrix must be square (got {pattern.Rows} x {pattern.Columns})");
        _a = pattern.Clone();
        _o = options ?? new SequenceOptions();
        _backend = backend ?? new CpuBackend();
        _fgmres = new Fgmres(_a.Rows, Math.Max(1, _o.Fgmres.Restart));
        _r = new double[_a.Rows];
        _rowSum = new double[_a.Rows];
    }

    public int N => _a.Rows;

    /// <summary>The current matrix (values as last set).</summary>
    public CscMatrix Matrix => _a;

    public SymbolicAnalysis? Analysis => _analysis;

    /// <summary>
    /// Current factors (host view), null before the first factorization. Valid until the second full factorization
    /// after it: the facade alternates two sets of factor storage, so copy what must outlive that.
    /// </summary>
    public LuFactors? Factors => _backend.Factors;

    public ISparseBackend Backend => _backend;

    /// <summary>The FGMRES instance of the last solve (convergence history, Krylov memory).</summary>
    public Fgmres Krylov => _fgmres;

    public SequenceReport Report { get; } = new();

    public int MaxBoosts => _o.MaxBoosts ?? Math.Max(1, N / 1000);

    /// <summary>Symbolic analysis (ordering); once per pattern.</summary>
    public SymbolicAnalysis Analyze()
    {
        _analysis = SymbolicAnalysis.Analyze(_a, _o.Ordering, _o.UserOrder);
        Report.AnalysisSeconds += _analysis.Seconds;
        return _analysis;
    }

    /// <summary>New values in the pattern's CSC order.</summary>
    public void SetValues(ReadOnlySpan<double> values)
    {
        if (values.Length != _a.Nnz) throw new PatternMismatchException($"{values.Length} values for a pattern of {_a.Nnz}");
        values.CopyTo(_a.Values);
    }

    /// <summary>A map from the caller's triplet order (full, or lower triangle when <paramref name="symmetricLower"/>) to this pattern.</summary>
    public ValueMap CreateValueMap(ReadOnlySpan<int> rows, ReadOnlySpan<int> columns, bool symmetricLower) =>
        ValueMap.Build(_a, rows, columns, symmetricLower);

    /// <summary>New values in the caller's triplet order through <paramref name="map"/>, plus optional per-row diagonal shifts.</summary>
    public void SetValues(ValueMap map, ReadOnlySpan<double> values, ReadOnlySpan<double> diagonalShift = default)
    {
        ArgumentNullException.ThrowIfNull(map);
        map.Apply(values, _a.Values, diagonalShift);
    }

    /// <summary>New values from a matrix with the same pattern.</summary>
    public void SetMatrix(CscMatrix a)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (!_a.SamePattern(a)) throw new PatternMismatchException("the matrix pattern differs from the sequence pattern");
        a.Values.AsSpan(0, _a.Nnz).CopyTo(_a.Values);
    }

    /// <summary>Solves the next system with the current values (factor or refactor → solve → refine → check → fallback).</summary>
    public SystemReport Solve(ReadOnlySpan<double> b, Span<double> x)
    {
        long alloc0 = GC.GetAllocatedBytesForCurrentThread();
        long t0 = Stopwatch.GetTimestamp();
        int k = _index++;
        Report.Systems++;
        if (!TensorPrimitives.IsFiniteAll<double>(_a.Values.AsSpan(0, _a.Nnz)) || !TensorPrimitives.IsFiniteAll(b))
            return new SystemReport(k, SolvePath.Full, SystemStatus.NonFiniteInput, FallbackReason.None, 0, double.NaN, double.NaN,
                double.NaN, double.NaN, double.NaN, double.NaN, 0, 0, 0, FgmresStatus.NonFinite, 0, 0, 0, 0, 0);
        if (_analysis == null) Analyze();
        var acc = new Acc();
        var path = SolvePath.Refactor;
        var reason = FallbackReason.None;
        bool fallbackUsed = false;
        bool needFull = Factors == null || k < _o.InitialFull || Factors.Status != FactorStatus.Ok;
        bool stale = !needFull && _o.RefactorEvery > 1 && k % _o.RefactorEvery != 0;
        FgmresResult fg = default;
        if (needFull)
        {
            path = SolvePath.Full;
            Report.FullInitial++;
            if (!FullFactor(ref acc, false)) return Singular(k, t0, acc);
        }
        else if (stale)
        {
            path = SolvePath.Stale;
            fg = SolveAndRefine(b, x, ref acc, _o.StaleMaxIterations);
            if (fg.IsConverged) Report.StaleSolves++;
            else
            {
                Report.StaleMisses++;
                stale = false;
                path = SolvePath.Refactor;
            }
        }
        if (!needFull && !stale)
        {
            Report.Refactorizations++;
            reason = RefactorAndMonitor(ref acc);
            if (reason != FallbackReason.None)
            {
                fallbackUsed = true;
                path = SolvePath.Fallback;
                if (!Fallback(reason, ref acc)) return Singular(k, t0, acc);
            }
        }
        double relFinal, nsr, omega;
        if (stale) relFinal = FinalResidual(b, x, fg, out nsr, out omega);
        else
        {
            fg = SolveAndRefine(b, x, ref acc, _o.Fgmres.MaxIterations);
            relFinal = FinalResidual(b, x, fg, out nsr, out omega);
            bool bad = !double.IsFinite(relFinal) || fg.Status == FgmresStatus.NonFinite;
            if ((bad || relFinal > _o.FallbackResidual) && !fallbackUsed && path != SolvePath.Full)
            {
                reason = bad ? FallbackReason.NonFinite : FallbackReason.Residual;
                fallbackUsed = true;
                path = SolvePath.Fallback;
                if (!Fallback(reason, ref acc)) return Singular(k, t0, acc);
                fg = SolveAndRefine(b, x, ref acc, _o.Fgmres.MaxIterations);
                relFinal = FinalResidual(b, x, fg, out nsr, out omega);
            }
        }
        var status = double.IsFinite(relFinal) && relFinal <= _o.FallbackResidual ? SystemStatus.Converged : SystemStatus.Inaccurate;
        if (status == SystemStatus.Inaccurate) Report.Inaccurate++;
        int boosts = path is SolvePath.Refactor or SolvePath.Stale ? _backend.Boosts : 0;
        Report.BoostsTotal += boosts;
        Report.BoostsMax = Math.Max(Report.BoostsMax, boosts);
        Report.AllocatedBytes += GC.GetAllocatedBytesForCurrentThread() - alloc0;
        var f = Factors!;
        return new SystemReport(k, path, status, reason, boosts, f.PivotGrowth, f.CheapRcond, acc.ResidualBefore, relFinal, nsr, omega,
            acc.Iterations, acc.Restarts, acc.Synchs, fg.Status, acc.Factor, acc.Refactor, acc.Solve, acc.Refine, Stopwatch.GetElapsedTime(t0).TotalSeconds);
    }

    /// <summary>Solves another right-hand side with the current factors and values (solve → refine).</summary>
    public SystemReport SolveAnother(ReadOnlySpan<double> b, Span<double> x)
    {
        if (Factors == null) throw new InvalidOperationException("no factors yet: call Solve first");
        long t0 = Stopwatch.GetTimestamp();
        var acc = new Acc();
        var fg = SolveAndRefine(b, x, ref acc, _o.Fgmres.MaxIterations);
        double rel = FinalResidual(b, x, fg, out double nsr, out double omega);
        var status = double.IsFinite(rel) && rel <= _o.FallbackResidual ? SystemStatus.Converged : SystemStatus.Inaccurate;
        return new SystemReport(_index - 1, SolvePath.Refactor, status, FallbackReason.None, 0, Factors.PivotGrowth, Factors.CheapRcond, acc.ResidualBefore,
            rel, nsr, omega, acc.Iterations, acc.Restarts, acc.Synchs, fg.Status, 0, 0, acc.Solve, acc.Refine, Stopwatch.GetElapsedTime(t0).TotalSeconds);
    }

    private struct Acc
    {
        public double Factor, Refactor, Solve, Refine, ResidualBefore;
        public int Iterations, Restarts;
        public long Synchs;
    }

    private bool FullFactor(ref Acc acc, bool fallback)
    {
        long t0 = Stopwatch.GetTimestamp();
        // into the storage of the factors before the current ones (consumed even on failure; the current ones stay)
        var f = LUFactorization.Factorize(_a, _analysis!.Q, _o.Lu, _analysis.EstimatedFactorNnz, _spare);
        _spare = null;
        double s = Stopwatch.GetElapsedTime(t0).TotalSeconds;
        acc.Factor += s;
        if (fallback) Report.FallbackSeconds += s; else Report.FactorSeconds += s;
        if (f.Status != FactorStatus.Ok) return false;
        _spare = _backend.Factors;
        _backend.Setup(f, _a);
        _rcondAtFull = f.CheapRcond;
        return true;
    }

    private FallbackReason RefactorAndMonitor(ref Acc acc)
    {
        long t0 = Stopwatch.GetTimestamp();
        double scale = _o.Lu.BoostRelativeToNorm ? NormInf() : 1.0;
        var st = _backend.Refactor(_a.Values.AsSpan(0, _a.Nnz), _o.Lu, scale);
        _o.AfterRefactorHook?.Invoke(Factors!);
        double s = Stopwatch.GetElapsedTime(t0).TotalSeconds;
        acc.Refactor += s;
        Report.RefactorSeconds += s;
        long t1 = Stopwatch.GetTimestamp();
        var f = Factors!;
        if (!_backend.RefactorUpdatesMonitors) f.ComputeMonitors(_a);
        Report.MonitorSeconds += Stopwatch.GetElapsedTime(t1).TotalSeconds;
        if (st == FactorStatus.NonFinite || !double.IsFinite(f.MinAbsPivot) || !double.IsFinite(f.MaxAbsPivot)) return FallbackReason.NonFinite;
        if (_backend.Boosts > MaxBoosts) return FallbackReason.TooManyBoosts;
        if (f.PivotGrowth < _o.MinPivotGrowth) return FallbackReason.PivotGrowth;
        if (f.CheapRcond < _o.RcondDrop * _rcondAtFull || f.CheapRcond < _o.RcondFloor) return FallbackReason.RcondDrop;
        return FallbackReason.None;
    }

    private bool Fallback(FallbackReason reason, ref Acc acc)
    {
        Report.FallbacksByReason[(int)reason]++;
        Report.FullFallback++;
        return FullFactor(ref acc, true);
    }

    private FgmresResult SolveAndRefine(ReadOnlySpan<double> b, Span<double> x, ref Acc acc, int maxIterations)
    {
        long t0 = Stopwatch.GetTimestamp();
        _backend.Apply(b, x);
        double s = Stopwatch.GetElapsedTime(t0).TotalSeconds;
        acc.Solve += s;
        Report.SolveSeconds += s;
        if (!_o.Refine)
        {
            acc.ResidualBefore = FinalResidual(b, x, default, out _, out _);
            return default;
        }
        long t1 = Stopwatch.GetTimestamp();
        var opts = maxIterations == _o.Fgmres.MaxIterations ? _o.Fgmres : _o.Fgmres with { MaxIterations = maxIterations };
        var fg = _fgmres.Solve(_a, _backend, b, x, opts);
        double r = Stopwatch.GetElapsedTime(t1).TotalSeconds;
        acc.Refine += r;
        Report.RefineSeconds += r;
        double freq = Stopwatch.Frequency;
        Report.PreconditionerSeconds += fg.PreconditionerTicks / freq;
        Report.SpMVSeconds += fg.SpMVTicks / freq;
        Report.OrthogonalizationSeconds += fg.OrthogonalizationTicks / freq;
        acc.ResidualBefore = fg.RhsNorm > 0 ? fg.InitialResidual / fg.RhsNorm : fg.InitialResidual;
        acc.Iterations += fg.Iterations;
        acc.Restarts += fg.Restarts;
        acc.Synchs += fg.Synchs;
        Report.FgmresIterations += fg.Iterations;
        Report.FgmresIterationsMax = Math.Max(Report.FgmresIterationsMax, fg.Iterations);
        Report.Restarts += fg.Restarts;
        Report.Synchs += fg.Synchs;
        Report.SpMVs += fg.SpMVs;
        Report.PreconditionerApplications += fg.PreconditionerApplications;
        return fg;
    }

    /// <summary>
    /// ‖b − A x‖₂/‖b‖₂ with NSR and componentwise backward error; no allocation. When x comes from the FGMRES call
    /// <paramref name="fg"/>, its true residual and ω are reused (the same computation, done once).
    /// </summary>
    private double FinalResidual(ReadOnlySpan<double> b, ReadOnlySpan<double> x, in FgmresResult fg, out double nsr, out double omega)
    {
        ReadOnlySpan<double> r;
        double rn, bn;
        if (fg.SpMVs > 0 && fg.Status != FgmresStatus.NonFinite && fg.RhsNorm > 0 && !double.IsNaN(fg.BackwardError))
        {
            r = _fgmres.LastResidual;
            rn = fg.FinalResidual;
            bn = fg.RhsNorm;
            omega = fg.BackwardError;
        }
        else
        {
            _a.Residual(b, x, _r);
            r = _r;
            rn = TensorPrimitives.Norm<double>(_r);
            bn = TensorPrimitives.Norm(b);
            omega = _fgmres.BackwardError(_a, b, x, _r);
        }
        double xinf = TensorPrimitives.MaxMagnitude(x);
        double rinf = TensorPrimitives.MaxMagnitude(r);
        double an = NormInf();
        nsr = an * xinf > 0 ? Math.Abs(rinf) / (an * Math.Abs(xinf)) : Math.Abs(rinf);
        return bn > 0 ? rn / bn : rn;
    }

    private double NormInf() => _a.NormInf(_rowSum);

    private SystemReport Singular(int k, long t0, Acc acc)
    {
        Report.Singular++;
        return new SystemReport(k, SolvePath.Full, SystemStatus.Singular, FallbackReason.None, 0, double.NaN, double.NaN, double.NaN, double.NaN,
            double.NaN, double.NaN, 0, 0, 0, FgmresStatus.NonFinite, acc.Factor, acc.Refactor, 0, 0, Stopwatch.GetElapsedTime(t0).TotalSeconds);
    }
}
