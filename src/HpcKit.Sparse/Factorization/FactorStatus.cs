namespace HpcKit.Sparse.Factorization;

/// <summary>Outcome of a numeric factorization.</summary>
public enum FactorStatus
{
    Ok,

    /// <summary>No acceptable pivot in some column (full factorization); the caller regularizes and retries.</summary>
    Singular,

    /// <summary>A non-finite value appeared in U's diagonal (refactorization).</summary>
    NonFinite,
}
