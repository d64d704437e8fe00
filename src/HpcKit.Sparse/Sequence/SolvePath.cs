namespace HpcKit.Sparse.Sequence;

/// <summary>How a system's factors were obtained.</summary>
public enum SolvePath
{
    /// <summary>Full pivoted factorization (initial systems).</summary>
    Full,

    /// <summary>Frozen-pivot refactorization.</summary>
    Refactor,

    /// <summary>Previous factors reused as a stale preconditioner.</summary>
    Stale,

    /// <summary>A monitor or the residual check triggered a full factorization.</summary>
    Fallback,
}
