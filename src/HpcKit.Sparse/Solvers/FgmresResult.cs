namespace HpcKit.Sparse.Solvers;

/// <summary>Outcome and counters of one FGMRES call.</summary>
public readonly record struct FgmresResult(
    FgmresStatus Status,
    int Iterations,
    int Restarts,
    long Synchs,
    int SpMVs,
    int PreconditionerApplications,
    double InitialResidual,
    double FinalResidual,
    double RhsNorm,
    double BackwardError,
    long PreconditionerTicks,
    long SpMVTicks,
    long OrthogonalizationTicks)
{
    /// <summary>Final ‖b − A x‖₂ / ‖b‖₂.</summary>
    public double RelativeResidual => RhsNorm > 0 ? FinalResidual / RhsNorm : FinalResidual;

    public bool IsConverged => Status is FgmresStatus.Converged or FgmresStatus.ConvergedOnEntry;
}
