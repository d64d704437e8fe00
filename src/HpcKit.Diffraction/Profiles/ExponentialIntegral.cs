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

    /// <summary>e^z·E₁(z), ≤ 1e-10 absolute.</summary>
    public static Complex ScaledE1(Complex z) => ScaledE1(z, 40);

    /// <summary>
    /// e^z·E₁(z) with the asymptotic branch from |z| &gt; <paramref name="seriesLimit"/> in the sector Re z &lt; 0,
    /// |Im z| &lt; |Re z|. With 20 the error there is ≤ π·|e^z| + e^{−|z|} ≈ 1e-8 absolute against ~1/|z| —
    /// good for the float kernel tables and 2–3× cheaper than the series.
    /// </summary>
    public static Complex ScaledE1(Complex z, double seriesLimit)
    {
        double x = z.Real, y = z.Imaginary;
        double r2 = x * x + y * y;
        if (r2 < 4) return Complex.Exp(z) * SeriesE1(z);
        if (x >= 0 || Math.Abs(y) >= -x) return ContinuedFraction(x, y);
        if (r2 <= seriesLimit * seriesLimit) return Complex.Exp(z) * SeriesE1(z);
        return Asymptotic(z) - (y >= 0 ? 1 : -1) * Complex.ImaginaryOne * Math.PI * Complex.Exp(z);
    }

    /// <summary>E₁(z) by its power series −γ − ln z − Σ_{k≥1} (−z)^k/(k·k!).</summary>
    public static Complex SeriesE1(Complex z)
    {
        double zr = -z.Real, zi = -z.Imaginary; // −z
        double tr = 1, ti = 0, sr = 0, si = 0;
        for (int k = 1; k < 500; k++)
        {
            double inv = 1.0 / k;
            double nr = (tr * zr - ti * zi) * inv, ni = (tr * zi + ti * zr) * inv;
            tr = nr; ti = ni;
            double ar = tr * inv, ai = ti * inv;
            sr += ar; si += ai;
            double a2 = ar * ar + ai * ai, s2 = Math.Max(1, sr * sr + si * si);
            if (a2 < 1e-34 * s2) break;
        }
        return -EulerGamma - Complex.Log(z) - new Complex(sr, si);
    }

    // e^z E1(z) = 1/(z + 1 − 1²/(z + 3 − 2²/(z + 5 − …))), modified Lentz in real arithmetic
    private static Complex ContinuedFraction(double x, double y)
    {
        const double big = 1e300;
        double br = x + 1, bi = y;
        // d = 1/b, h = d, c = big
        double den = br * br + bi * bi;
        double dr = br / den, di = -bi / den;
        double hr = dr, hi = di, cr = big, ci = 0;
        for (int n = 1; n < 10000; n++)
        {
            double a = -(double)n * n;
            br += 2;
            // d = 1/(a·d + b)
            double er = a * dr + br, ei = a * di + bi;
            den = er * er + ei * ei;
            dr = er / den; di = -ei / den;
            // c = b + a/c
            den = cr * cr + ci * ci;
            double qr = a * cr / den, qi = -a * ci / den;
            cr = br + qr; ci = bi + qi;
            double delr = cr * dr - ci * di, deli = cr * di + ci * dr;
            double nhr = hr * delr - hi * deli;
            hi = hr * deli + hi * delr;
            hr = nhr;
            double ex = delr - 1;
            if (ex * ex + deli * deli < 1e-32) break;
        }
        return new Complex(hr, hi);
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
