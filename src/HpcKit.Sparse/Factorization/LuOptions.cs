namespace HpcKit.Sparse.Factorization;

/// <summary>Options of the pivoted and the frozen-pivot factorizations (spec §3.1).</summary>
public sealed record LuOptions
{
    /// <summary>Threshold τ for diagonal preference: keep the diagonal when |x_j| ≥ τ·max |x_i|.</summary>
    public double PivotTolerance { get; init; } = 0.1;

    /// <summary>Absolute pivot tolerance τ_abs: a column whose candidates are all ≤ this is singular.</summary>
    public double AbsolutePivotTolerance { get; init; }

    /// <summary>Refactorization: pivots with |u| &lt; ζ are boosted.</summary>
    public double ZeroThreshold { get; init; } = 1e-14;

    /// <summary>Refactorization: boost magnitude β (sign of the computed pivot kept, + for exact zero).</summary>
    public double BoostValue { get; init; } = 1e-1;

    /// <summary>Multiply ζ and β by ‖A‖∞.</summary>
    public bool BoostRelativeToNorm { get; init; }

    /// <summary>Row scaling before factorizing (default none); refactorizations recompute it from the new values.</summary>
    public RowScaling Scaling { get; init; } = RowScaling.None;

    /// <summary>
    /// Full factorization: sort the rows of every column of L and U (default). When false (as KLU), L's rows stay in
    /// elimination order and U's in the topological order of the triangular solve (diagonal still last); solves and
    /// <see cref="Refactorization"/> need only that, and the values are the same.
    /// </summary>
    public bool SortFactorRows { get; init; } = true;
}
