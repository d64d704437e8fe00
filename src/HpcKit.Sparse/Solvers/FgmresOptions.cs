namespace HpcKit.Sparse.Solvers;

/// <summary>FGMRES(m) settings (defaults from spec §3.1).</summary>
public sealed record FgmresOptions
{
    /// <summary>Restart length m.</summary>
    public int Restart { get; init; } = 20;

    public double Tolerance { get; init; } = 1e-14;

    public int MaxIterations { get; init; } = 100;

    public GramSchmidtKind GramSchmidt { get; init; } = GramSchmidtKind.Cgs2;

    public ConvergenceTest Test { get; init; } = ConvergenceTest.RelativeToRhs;

    /// <summary>Componentwise backward-error stop η (0 disables).</summary>
    public double BackwardErrorStop { get; init; } = 2.220446049250313e-15;

    /// <summary>A restart cycle that does not reduce the true residual below this fraction ends as Stagnated.</summary>
    public double StagnationFactor { get; init; } = 0.9;
}
