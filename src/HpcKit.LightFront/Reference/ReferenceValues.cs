namespace HpcKit.LightFront.Reference;

/// <summary>
/// The comparison values of spec §8 with their sources (not the papers' numbers, which are not available). Re-check
/// against current editions before publishing.
/// </summary>
public static class ReferenceValues
{
    /// <summary>Reference text per observable row name.</summary>
    public static IReadOnlyDictionary<string, string> ByRow { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Lambda_bar"] = "≈ 0.4–0.5 GeV (scheme dependent; standard estimates)",
        ["f_B sqrt(M_B)"] = "≈ 0.437 GeV^3/2 from f_B = 190 MeV (static limit larger)",
        ["f_B"] = "190.0(1.3) MeV FLAG; 186(4) HPQCD 1302.2644; 189(4) HPQCD 1202.4914",
        ["rho^2"] = "1.139 ± 0.020 / 1.205 ± 0.026 (HFLAV CLN, via PDG); CLEO 1994 1.01 ± 0.15 ± 0.09; ≥ 1/4 Bjorken, ≥ 3/4 Uraltsev",
        ["rho^2_O"] = "ξ = 1/w light-front HQET with BSW amplitudes gives ρ² = 1",
        ["lambda_B (grid)"] = "0.340(20) GeV at μ = 1 GeV (lattice, arXiv:2604.25802)",
    };

    /// <summary>CLN ξ(w) ≈ 1 − 8ρ²z + (53ρ² − 15)z² − (231ρ² − 91)z³, z = (√(w+1) − √2)/(√(w+1) + √2).</summary>
    public static double Cln(double w, double rho2)
    {
        double z = (Math.Sqrt(w + 1) - Math.Sqrt(2)) / (Math.Sqrt(w + 1) + Math.Sqrt(2));
        return 1 - 8 * rho2 * z + (53 * rho2 - 15) * z * z - (231 * rho2 - 91) * z * z * z;
    }

    /// <summary>Pole form ξ = [2/(1 + w)]^{2ρ²}.</summary>
    public static double Pole(double w, double rho2) => Math.Pow(2 / (1 + w), 2 * rho2);

    /// <summary>Exponential LCDA model φ₊(ω) = (ω/λ_B²) e^{−ω/λ_B}.</summary>
    public static double ExponentialLcda(double omega, double lambdaB) => omega / (lambdaB * lambdaB) * Math.Exp(-omega / lambdaB);

    /// <summary>CLN band used in plots.</summary>
    public const double ClnRhoLow = 1.14, ClnRhoHigh = 1.21;

    /// <summary>CLEO 1994 slope and its combined error.</summary>
    public const double CleoRho = 1.01, CleoError = 0.174;

    /// <summary>λ_B reference (GeV).</summary>
    public const double LambdaB = 0.34;
}
