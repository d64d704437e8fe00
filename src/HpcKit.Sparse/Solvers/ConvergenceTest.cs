namespace HpcKit.Sparse.Solvers;

/// <summary>What the FGMRES tolerance is relative to (spec §3.8).</summary>
public enum ConvergenceTest
{
    /// <summary>‖b − A x‖₂ ≤ tol·‖b‖₂ (default; the same test in the pre-check, inside a cycle and at restart).</summary>
    RelativeToRhs,

    /// <summary>‖b − A x‖₂ ≤ tol.</summary>
    Absolute,

    /// <summary>‖b − A x‖₂ ≤ tol·‖r₀‖₂ — for comparison only (see the pitfall in the spec).</summary>
    RelativeToInitialResidual,
}
