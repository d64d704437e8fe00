namespace HpcKit.Sparse.Sequence;

/// <summary>Why the facade fell back to a full factorization (spec §3.9).</summary>
public enum FallbackReason
{
    None,

    /// <summary>Non-finite entry in U's diagonal, in x or in the Krylov data.</summary>
    NonFinite,

    /// <summary>More boosts than MaxBoosts.</summary>
    TooManyBoosts,

    /// <summary>Reciprocal pivot growth below MinPivotGrowth.</summary>
    PivotGrowth,

    /// <summary>Cheap rcond dropped below RcondDrop × its value at the last full factorization (or below the absolute floor).</summary>
    RcondDrop,

    /// <summary>Relative residual after refinement above FallbackResidual.</summary>
    Residual,
}
