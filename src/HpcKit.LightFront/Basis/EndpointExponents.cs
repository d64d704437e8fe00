namespace HpcKit.LightFront.Basis;

/// <summary>
/// End-point exponents of §3 and §4.3: the fermion edge γ with π γ cot(π γ) = 1 − m²/β² (γ ∈ [0, 1)), and the
/// link edge γ_b with 2π γ_b tan(π γ_b) = μ²/β² (γ_b ∈ [0, ½)). Masses in units of β.
/// </summary>
public static class EndpointExponents
{
    /// <summary>γ(m/β): 0 at m = 0, ½ at m = β, → 1 as m → ∞.</summary>
    public static double Fermion(double m)
    {
        double target = 1 - m * m;
        if (m == 0) return 0;
        // f(γ) = πγ cot πγ decreases from 1 (γ = 0) to −∞ (γ → 1).
        double lo = 0, hi = 1 - 1e-15;
        for (int it = 0; it < 200; it++)
        {
            double mid = 0.5 * (lo + hi);
            if (FermionSymbol(mid) > target) lo = mid; else hi = mid;
        }
        return 0.5 * (lo + hi);
    }

    /// <summary>γ_b(μ/β) for the link edge acted on by two boson forms.</summary>
    public static double Boson(double mu)
    {
        double target = mu * mu;
        if (mu == 0) return 0;
        double lo = 0, hi = 0.5 - 1e-15;
        for (int it = 0; it < 200; it++)
        {
            double mid = 0.5 * (lo + hi);
            if (2 * Math.PI * mid * Math.Tan(Math.PI * mid) < target) lo = mid; else hi = mid;
        }
        return 0.5 * (lo + hi);
    }

    /// <summary>π s cot(π s), with its limit 1 at s = 0.</summary>
    public static double FermionSymbol(double s) => s == 0 ? 1 : Math.PI * s / Math.Tan(Math.PI * s);
}
