namespace HpcKit.Sparse.Ordering;

/// <summary>Fill-reducing column orderings.</summary>
public enum OrderingKind
{
    /// <summary>Column approximate minimum degree on AᵀA (default).</summary>
    Colamd,

    /// <summary>Approximate minimum degree on A + Aᵀ.</summary>
    Amd,

    /// <summary>Identity.</summary>
    Natural,

    /// <summary>Caller-supplied permutation.</summary>
    User,
}
