namespace HpcKit.Sparse.Factorization;

/// <summary>Row scaling applied before factorizing (spec §3.2): P R A Q = L U with R diagonal.</summary>
public enum RowScaling
{
    /// <summary>No scaling: P A Q = L U (default; the factors travel to another backend as they are).</summary>
    None,

    /// <summary>
    /// R = diag(r) with r_i the power of two that brings max_j |a_ij| into [1, 2) (1 for an empty row, at most 2^1023), recomputed at every
    /// (re)factorization. Powers of two add no rounding error.
    /// </summary>
    RowMax,
}
