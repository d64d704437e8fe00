namespace HpcKit.Sparse.Solvers;

/// <summary>How an FGMRES call ended.</summary>
public enum FgmresStatus
{
    ConvergedOnEntry,
    Converged,
    Stagnated,
    MaxIterations,
    NonFinite,
}
