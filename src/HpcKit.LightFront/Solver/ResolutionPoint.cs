using HpcKit.LightFront.Observables;

namespace HpcKit.LightFront.Solver;

/// <summary>
/// One solve at one resolution: method, label, grid N_K, Galerkin basis size (0 for DLCQ), Δ (units of β), levels
/// 2Λ̄/β per sector, observables, seconds, ground state.
/// </summary>
public sealed record ResolutionPoint(string Method, string Resolution, int NK, int BasisSize, double Delta, double[] HalfLevels,
    double[] ThreeHalvesLevels, ObservableSet Observables, double Seconds, GridState Ground)
{
    /// <summary>P₂, ⟨k⟩ and the virial residual of every computed state, both sectors.</summary>
    public IReadOnlyList<StateSummary> States { get; init; } = [];
}
