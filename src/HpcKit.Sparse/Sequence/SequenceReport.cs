using HpcKit.Core.Reporting;

namespace HpcKit.Sparse.Sequence;

/// <summary>Timers (seconds) and counters summed over a sequence (spec §4).</summary>
public sealed class SequenceReport
{
    public double AnalysisSeconds { get; internal set; }
    public double FactorSeconds { get; internal set; }
    public double RefactorSeconds { get; internal set; }
    public double MonitorSeconds { get; internal set; }
    public double SolveSeconds { get; internal set; }
    public double RefineSeconds { get; internal set; }
    public double PreconditionerSeconds { get; internal set; }
    public double SpMVSeconds { get; internal set; }
    public double OrthogonalizationSeconds { get; internal set; }
    public double FallbackSeconds { get; internal set; }

    public int Systems { get; internal set; }
    public int FullInitial { get; internal set; }
    public int FullFallback { get; internal set; }
    public int Refactorizations { get; internal set; }
    public int StaleSolves { get; internal set; }

    /// <summary>Stale solves that missed the target and were refactorized at once (counted in Refactorizations).</summary>
    public int StaleMisses { get; internal set; }
    public long BoostsTotal { get; internal set; }
    public int BoostsMax { get; internal set; }
    public long FgmresIterations { get; internal set; }
    public int FgmresIterationsMax { get; internal set; }
    public long Restarts { get; internal set; }
    public long Synchs { get; internal set; }
    public long SpMVs { get; internal set; }
    public long PreconditionerApplications { get; internal set; }
    public long AllocatedBytes { get; internal set; }
    public int Singular { get; internal set; }
    public int Inaccurate { get; internal set; }

    /// <summary>Fallbacks indexed by <see cref="FallbackReason"/>.</summary>
    public int[] FallbacksByReason { get; } = new int[Enum.GetValues<FallbackReason>().Length];

    public int Fallbacks => FallbacksByReason.Sum();

    public double TotalSeconds => AnalysisSeconds + FactorSeconds + RefactorSeconds + MonitorSeconds + SolveSeconds + RefineSeconds + FallbackSeconds;

    /// <summary>Adds the timers and counters to a run report.</summary>
    public void AddTo(RunReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        report.AddTiming("analysis", AnalysisSeconds);
        report.AddTiming("factor", FactorSeconds);
        report.AddTiming("refactor", RefactorSeconds);
        report.AddTiming("monitors", MonitorSeconds);
        report.AddTiming("triangular_solve", SolveSeconds);
        report.AddTiming("refinement", RefineSeconds);
        report.AddTiming("refinement_preconditioner", PreconditionerSeconds);
        report.AddTiming("refinement_spmv", SpMVSeconds);
        report.AddTiming("refinement_orthogonalization", OrthogonalizationSeconds);
        report.AddTiming("fallback", FallbackSeconds);
        report.AddCounter("systems", Systems);
        report.AddCounter("full_initial", FullInitial);
        report.AddCounter("full_fallback", FullFallback);
        report.AddCounter("refactorizations", Refactorizations);
        report.AddCounter("stale_solves", StaleSolves);
        report.AddCounter("stale_misses", StaleMisses);
        report.AddCounter("boosts_total", BoostsTotal);
        report.AddCounter("boosts_max", BoostsMax);
        report.AddCounter("fgmres_iterations", FgmresIterations);
        report.AddCounter("fgmres_iterations_max", FgmresIterationsMax);
        report.AddCounter("restarts", Restarts);
        report.AddCounter("synchs", Synchs);
        report.AddCounter("spmvs", SpMVs);
        report.AddCounter("preconditioner_applications", PreconditionerApplications);
        report.AddCounter("allocated_bytes", AllocatedBytes);
        report.AddCounter("singular", Singular);
        report.AddCounter("inaccurate", Inaccurate);
        foreach (var reason in Enum.GetValues<FallbackReason>())
            if (reason != FallbackReason.None) report.AddCounter("fallback_" + reason.ToString().ToLowerInvariant(), FallbacksByReason[(int)reason]);
    }
}
