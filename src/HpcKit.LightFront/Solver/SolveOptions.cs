namespace HpcKit.LightFront.Solver;

/// <summary>Options: P_max/β, the N_K sequence (the Galerkin projection uses the same grids), Lanczos states, nested Galerkin bases.</summary>
public sealed record SolveOptions
{
    /// <summary>Cut-off on the total light momentum in units of β.</summary>
    public double PMax { get; init; } = 20;

    /// <summary>DLCQ resolutions N_K (increasing).</summary>
    public int[] Resolutions { get; init; } = [12, 17, 24, 34, 48, 68];

    /// <summary>Lowest j_z = ½ states.</summary>
    public int States { get; init; } = 3;

    /// <summary>Galerkin method: take the j = 3/2 level from the continuum <see cref="Basis.ThreeBodyGalerkin"/>.</summary>
    public bool ContinuumThreeHalves { get; init; } = true;

    /// <summary>Nested Galerkin bases (2-body size, link size, antiquark size).</summary>
    public (int N0, int N1, int N2)[] GalerkinSizes { get; init; } = [(4, 3, 3), (6, 4, 4), (8, 5, 5), (10, 6, 6)];
}
