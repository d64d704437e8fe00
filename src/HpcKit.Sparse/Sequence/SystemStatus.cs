namespace HpcKit.Sparse.Sequence;

/// <summary>Final status of one system.</summary>
public enum SystemStatus
{
    Converged,

    /// <summary>Still above the fallback residual after the one permitted fallback.</summary>
    Inaccurate,

    /// <summary>The full factorization found no acceptable pivot; the caller should regularize.</summary>
    Singular,

    /// <summary>NaN or Inf in the matrix values or the right-hand side: rejected, nothing computed.</summary>
    NonFiniteInput,
}
