namespace HpcKit.Sparse.Generators;

/// <summary>Settings of <see cref="KktSequenceGenerator"/>.</summary>
public sealed record KktGeneratorOptions
{
    public int Buses { get; init; } = 200;

    public ulong Seed { get; init; } = 1;

    /// <summary>Lines per bus r.</summary>
    public double EdgeRatio { get; init; } = 1.4;

    /// <summary>Emit every j-th system (first and last always kept).</summary>
    public int EmitEvery { get; init; } = 1;

    public int MaxIterations { get; init; } = 200;

    /// <summary>Stop at scaled KKT error ≤ this.</summary>
    public double Tolerance { get; init; } = 1e-8;

    /// <summary>
    /// In-application mode: each Newton system is solved by the sequence facade (refactorization + FGMRES, fallbacks)
    /// instead of a fresh pivoted LU (reference mode). Condition estimates are then not computed (reported as 0).
    /// </summary>
    public bool InApplication { get; init; }

    /// <summary>Fraction of lines whose limit is set just below the pre-solve flow (binding).</summary>
    public double BindingFraction { get; init; } = 0.1;
}
