using HpcKit.Sparse.Solvers;

namespace HpcKit.Sparse.Sequence;

/// <summary>Per-system outcome of <see cref="SequenceSolver.Solve"/> (a value type: reporting allocates nothing).</summary>
public readonly record struct SystemReport(
    int Index,
    SolvePath Path,
    SystemStatus Status,
    FallbackReason Fallback,
    int Boosts,
    double PivotGrowth,
    double CheapRcond,
    double ResidualBefore,
    double ResidualAfter,
    double Nsr,
    double BackwardError,
    int Iterations,
    int Restarts,
    long Synchs,
    FgmresStatus Refinement,
    double FactorSeconds,
    double RefactorSeconds,
    double SolveSeconds,
    double RefineSeconds,
    double TotalSeconds);
