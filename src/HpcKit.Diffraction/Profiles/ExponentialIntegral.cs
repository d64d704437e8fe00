using System.Numerics;

namespace HpcKit.Diffraction.Profiles;

/// <summary>
/// E(z) = e^z·E₁(z) for complex z (principal branch, used with Im z &gt; 0): power series of E₁ times e^z for |z| &lt; 2,
/// and for Re z &lt; 0, |Im z| &lt; |Re z|, |z| ≤ 40 (spec: 25; the asymptotic series is only good to ~1e-10 there); the continued fraction for E(z) (modified Lentz) for |z| ≥ 2 with
/// Re z ≥ 0 or |Im z| ≥ |Re z|; beyond, the asymptotic series truncated at its smallest term, minus iπe^z
/// (the Stokes term above the negative real axis). Spec §2.6 (Abramowitz–Stegun §5.1).
/// </summary>
public static class ExponentialIntegral
{
    private const double EulerGamma = 0.57721566490153286061;

    /// <summary>e^z·E₁(z).</summary>
    public static Complex ScaledE1(Complex z)
    {
        double ax = Math.Abs(z.Real), ay = Math.Abs(z.Imaginary), r = Complex.Abs(z);
        if (r < 2) return Complex.Exp(z) * SeriesE1(z);
        if (z.Real >= 0 || ay >= ax) return ContinuedFraction(z);
        if (r <= 40) return Complex.Exp(z) * SeriesE1(z);
        return Asymptotic(z) - (z.Imaginary >= 0 ? 1 : -1) * Complex.ImaginaryOne * Math.PI * Complex.Exp(z);
    }

    /// <summary>E₁(z) by its power series −γ − ln z − Σ_{k≥1} (−z)^k/(k·k!).</summary>
    public static Complex SeriesE1(Complex z)
    {
        Complex sum = 0, term = 1;
        for (int k = 1; k < 500; k++)
        {
            term *= -z / k;
            var add = term / k;
            sum += add;
            if (Complex.Abs(add) < 1e-17 * Math.Max(1, Complex.Abs(sum))) break;
        }
        return -EulerGamma - Complex.Log(z) - sum;
    }

    // e^z E1(z) = 1/(z + 1 − 1²/(z + 3 − 2²/(z + 5 − …)))
    private static Complex ContinuedFraction(Complex z)
    {
        const double tiny = 1e-300;
        Complex b = z + 1, c = 1 / tiny, d = 1 / b, h = d;
        for (int n = 1; n < 10000; n++)
        {
            double a = -(double)n * n;
            b += 2;
            d = 1 / (a * d + b);
            c = b + a / c;
            var del = c * d;
            h *= del;
            if (Complex.Abs(del - 1) < 1e-16) break;
        }
        return h;
    }

    private static Complex Asymptotic(Complex z)
    {
        Complex sum = 0, term = 1 / z;
        double prev = double.MaxValue;
        for (int k = 0; k < 200; k++)
        {
            double m = Complex.Abs(term);
            if (m > prev) break;
            sum += term;
            prev = m;
            term *= -(k + 1) / z;
        }
        return sum;
    }
}
