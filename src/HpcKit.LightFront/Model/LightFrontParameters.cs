namespace HpcKit.LightFront.Model;

/// <summary>
/// A named heavy-light parameter set in GeV (a in GeV⁻¹): Coulomb scale β, kinetic quark mass m, link mass μ,
/// vertex mass m_V, lattice spacing a, helicity-flip and non-flip hopping couplings κ_f, κ_nf (GeV², κ = m_V·h)
/// and the seagull coupling (1 = sum-of-squares prescription S, 0 = prescription N).
/// </summary>
public sealed record LightFrontParameters(
    string Name, string Description, double Beta, double M, double Mu, double MV, double A,
    double KappaF, double KappaNF, double Seagull = 1.0)
{
    /// <summary>Hop amplitude h_f = κ_f / m_V in GeV (0 when κ_f = 0).</summary>
    public double HF => KappaF == 0 ? 0 : KappaF / MV;

    /// <summary>Hop amplitude h_nf = κ_nf / m_V in GeV (0 when κ_nf = 0).</summary>
    public double HNF => KappaNF == 0 ? 0 : KappaNF / MV;

    /// <summary>True when both hops vanish (the heavy-light 't Hooft limit).</summary>
    public bool HopFree => KappaF == 0 && KappaNF == 0;

    /// <summary>The same set with both hops switched off.</summary>
    public LightFrontParameters WithoutHops() => this with { KappaF = 0, KappaNF = 0, Name = Name + "-hopfree" };

    /// <summary>Dimensionless couplings in units of β, as the Hamiltonian uses them.</summary>
    public ScaledCouplings Scaled() => new(M / Beta, Mu / Beta, MV / Beta, HF / Beta, HNF / Beta, KappaF / (Beta * Beta), KappaNF / (Beta * Beta), Seagull);

    /// <summary>A hop-free set in units where β = 1 GeV (for the 't Hooft verb and tests).</summary>
    public static LightFrontParameters Thooft(double mOverBeta) =>
        new("thooft", "heavy-light 't Hooft limit", 1.0, mOverBeta, 1.0, mOverBeta, 1.0, 0, 0);
}
