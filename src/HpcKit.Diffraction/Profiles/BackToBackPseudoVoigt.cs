using System.Numerics;

namespace HpcKit.Diffraction.Profiles;

/// <summary>
/// Back-to-back exponential ⊗ pseudo-Voigt (GSAS-II's TOF profile with Lorentzian broadening), Δ = t − t_hkl in µs.
/// Thompson–Cox–Hastings: Γ_G = √(8 ln2·σ²), Γ_L = γ, Γ⁵ = Γ_G⁵ + 2.69269Γ_G⁴Γ_L + 2.42843Γ_G³Γ_L² + 4.47163Γ_G²Γ_L³
/// + 0.07842Γ_GΓ_L⁴ + Γ_L⁵, η = 1.36603q − 0.47719q² + 0.11116q³ (q = Γ_L/Γ);
/// P = (1−η)·H_G(Δ; Γ²/(8 ln2)) + η·H_L(Δ; Γ) with H_L = −(2N/π)·Im[E(p) + E(q)], E(z) = e^z E₁(z),
/// p = αΔ + iαΓ/2, q = −βΔ + iβΓ/2, N = αβ/(2(α+β)).
/// </summary>
public static class BackToBackPseudoVoigt
{
    private static readonly double EightLn2 = 8 * Math.Log(2);

    /// <summary>TCH total FWHM Γ and mixing η for Gaussian variance σ² and Lorentzian FWHM γ.</summary>
    public static (double Gamma, double Eta) Mix(double sigma2, double gamma)
    {
        double gg = Math.Sqrt(EightLn2 * sigma2), gl = gamma;
        double g2 = gg * gg, g3 = g2 * gg, g4 = g3 * gg, l2 = gl * gl, l3 = l2 * gl, l4 = l3 * gl;
        double g = Math.Pow(g4 * gg + 2.69269 * g4 * gl + 2.42843 * g3 * l2 + 4.47163 * g2 * l3 + 0.07842 * gg * l4 + l4 * gl, 0.2);
        double q = g > 0 ? gl / g : 0;
        return (g, 1.36603 * q - 0.47719 * q * q + 0.11116 * q * q * q);
    }

    /// <summary>The Lorentzian component H_L(Δ; Γ) (µs⁻¹).</summary>
    public static double Lorentzian(double delta, double alpha, double beta, double fwhm) => Lorentzian(delta, alpha, beta, fwhm, 40);

    /// <summary>H_L with the asymptotic E(z) from |z| &gt; seriesLimit (20: ~1e-8 absolute, used for float tables).</summary>
    public static double Lorentzian(double delta, double alpha, double beta, double fwhm, double seriesLimit)
    {
        double n = alpha * beta / (2 * (alpha + beta));
        var p = new Complex(alpha * delta, alpha * fwhm / 2);
        var q = new Complex(-beta * delta, beta * fwhm / 2);
        return -2 * n / Math.PI * (ExponentialIntegral.ScaledE1(p, seriesLimit) + ExponentialIntegral.ScaledE1(q, seriesLimit)).Imaginary;
    }

    /// <summary>Full profile value (µs⁻¹) for Gaussian variance σ² (µs²) and Lorentzian FWHM γ (µs).</summary>
    public static double Evaluate(double delta, double alpha, double beta, double sigma2, double gamma)
    {
        if (gamma <= 0) return BackToBackGaussian.Evaluate(delta, alpha, beta, sigma2);
        var (g, eta) = Mix(sigma2, gamma);
        double hg = BackToBackGaussian.Evaluate(delta, alpha, beta, g * g / EightLn2);
        return (1 - eta) * hg + eta * Lorentzian(delta, alpha, beta, g);
    }
}
