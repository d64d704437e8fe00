namespace HpcKit.LightFront.Observables;

/// <summary>
/// The §9 observables of one solution in GeV units: Λ̄ (GeV), P₂, ⟨k⟩ (GeV), virial residual ⟨k⟩ − Λ̄ (GeV),
/// f_B√M_B (GeV^{3/2}), f_B (MeV), ρ² (= ¼ + ρ²_O from the norms), ρ²_O, ρ² from the curvature of ξ, ρ²_⊥,
/// λ_B (GeV; grid value, divergent when ψ₀(0) ≠ 0), excited j_z = ½ levels Λ̄₁, Λ̄₂ and the lowest j_z = 3/2 level.
/// </summary>
public sealed record ObservableSet(
    double LambdaBar, double P2, double MeanK, double VirialResidual, double FbSqrtMb, double Fb,
    double Rho2, double Rho2O, double Rho2Curvature, double Rho2Perp, double LambdaB,
    double Lambda1, double Lambda2, double Lambda32)
{
    /// <summary>Observable names, units and accessors in table order.</summary>
    public static IReadOnlyList<(string Name, string Unit, Func<ObservableSet, double> Get)> Rows { get; } =
    [
        ("Lambda_bar", "GeV", o => o.LambdaBar),
        ("P2", "", o => o.P2),
        ("<k>", "GeV", o => o.MeanK),
        ("virial <k>-Lambda_bar", "GeV", o => o.VirialResidual),
        ("f_B sqrt(M_B)", "GeV^3/2", o => o.FbSqrtMb),
        ("f_B", "MeV", o => o.Fb),
        ("rho^2", "", o => o.Rho2),
        ("rho^2_O", "", o => o.Rho2O),
        ("rho^2 (curvature)", "", o => o.Rho2Curvature),
        ("rho^2_perp", "", o => o.Rho2Perp),
        ("lambda_B (grid)", "GeV", o => o.LambdaB),
        ("Lambda_bar_1 (j=1/2)", "GeV", o => o.Lambda1),
        ("Lambda_bar_2 (j=1/2)", "GeV", o => o.Lambda2),
        ("Lambda_bar (j=3/2)", "GeV", o => o.Lambda32),
    ];
}
