namespace HpcKit.Diffraction.Profiles;

/// <summary>
/// Unit-area back-to-back exponential ⊗ Gaussian (GSAS-II/Von Dreele TOF profile), Δ = t − t_hkl in µs:
/// H(Δ) = N·[e^u erfc(y) + e^v erfc(z)], N = αβ/(2(α+β)), u = α(ασ²+2Δ)/2, v = β(βσ²−2Δ)/2,
/// y = (ασ²+Δ)/√(2σ²), z = (βσ²−Δ)/√(2σ²). Evaluated in the stable form
/// e^u erfc(y) = e^{−Δ²/2σ²}·erfcx(y) for y ≥ 0 and 2e^u − e^{−Δ²/2σ²}·erfcx(−y) for y &lt; 0 (then u &lt; 0).
/// </summary>
public static class BackToBackGaussian
{
    /// <summary>Profile value (µs⁻¹).</summary>
    public static double Evaluate(double delta, double alpha, double beta, double sigma2)
    {
        double n = alpha * beta / (2 * (alpha + beta));
        double rs = 1 / Math.Sqrt(2 * sigma2);
        double g = Math.Exp(-delta * delta / (2 * sigma2));
        double y = (alpha * sigma2 + delta) * rs;
        double z = (beta * sigma2 - delta) * rs;
        double a = y >= 0 ? g * Erfcx.Evaluate(y) : 2 * Math.Exp(0.5 * alpha * (alpha * sigma2 + 2 * delta)) - g * Erfcx.Evaluate(-y);
        double b = z >= 0 ? g * Erfcx.Evaluate(z) : 2 * Math.Exp(0.5 * beta * (beta * sigma2 - 2 * delta)) - g * Erfcx.Evaluate(-z);
        return n * (a + b);
    }

    /// <summary>The direct (unstable for large |Δ|) form, for tests: N·[e^u erfc(y) + e^v erfc(z)].</summary>
    public static double EvaluateDirect(double delta, double alpha, double beta, double sigma2)
    {
        double n = alpha * beta / (2 * (alpha + beta));
        double rs = 1 / Math.Sqrt(2 * sigma2);
        double u = 0.5 * alpha * (alpha * sigma2 + 2 * delta), v = 0.5 * beta * (beta * sigma2 - 2 * delta);
        double y = (alpha * sigma2 + delta) * rs, z = (beta * sigma2 - delta) * rs;
        return n * (Math.Exp(u) * Erfc(y) + Math.Exp(v) * Erfc(z));
    }

    /// <summary>erfc(x) through erfcx.</summary>
    public static double Erfc(double x) => x >= 0 ? Math.Exp(-x * x) * Erfcx.Evaluate(x) : 2 - Math.Exp(-x * x) * Erfcx.Evaluate(-x);

    /// <summary>Mean of the profile: 1/β − 1/α.</summary>
    public static double Mean(double alpha, double beta) => 1 / beta - 1 / alpha;
}
