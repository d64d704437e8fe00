namespace HpcKit.Diffraction.Profiles;

/// <summary>
/// Scaled complementary error function erfcx(x) = e^{x²}·erfc(x) in double.
/// For 0 ≤ x &lt; 8: piecewise Chebyshev interpolants (degree 16 on 64 intervals of width 1/8), built once at start-up
/// from a slow reference (series for x &lt; 2, continued fraction above), ~1e-15 relative. For x ≥ 8 a short
/// continued fraction (converges fast there). For x &lt; 0: 2e^{x²} − erfcx(−x).
/// </summary>
public static class Erfcx
{
    private const int Intervals = 64;
    private const double Width = 0.125;
    private const int Degree = 16;
    private static readonly double[] Coeffs = Build();

    /// <summary>erfcx(x).</summary>
    public static double Evaluate(double x)
    {
        if (x < 0) return x < -26.5 ? double.PositiveInfinity : 2 * Math.Exp(x * x) - Evaluate(-x);
        if (x >= Intervals * Width) return ContinuedFraction(x, 1e-16);
        int k = (int)(x * (1 / Width));
        double t = 2 * (x - k * Width) / Width - 1; // [-1, 1]
        int o = k * (Degree + 1);
        // Clenshaw
        double b1 = 0, b2 = 0;
        for (int j = Degree; j >= 1; j--)
        {
            double b0 = Coeffs[o + j] + 2 * t * b1 - b2;
            b2 = b1;
            b1 = b0;
        }
        return Coeffs[o] + t * b1 - b2;
    }

    /// <summary>Slow reference erfcx (used to build the interpolants and by tests).</summary>
    public static double Reference(double x)
    {
        if (x < 0) return 2 * Math.Exp(x * x) - Reference(-x);
        if (x < 2)
        {
            // erf(x) = (2/√π) e^{-x²} Σ 2^n x^{2n+1} / (1·3·…·(2n+1))   (all terms positive)
            double term = x, sum = x, x2 = x * x;
            for (int n = 1; n < 200; n++)
            {
                term *= 2 * x2 / (2 * n + 1);
                sum += term;
                if (term < 1e-18 * sum) break;
            }
            double erf = 2 / Math.Sqrt(Math.PI) * Math.Exp(-x2) * sum;
            return Math.Exp(x2) * (1 - erf);
        }
        return ContinuedFraction(x, 1e-17);
    }

    // erfcx(x) = (1/√π) · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …)))) evaluated by modified Lentz.
    private static double ContinuedFraction(double x, double eps)
    {
        const double tiny = 1e-300;
        double f = x, c = x, d = 0;
        for (int n = 1; n < 5000; n++)
        {
            double an = n * 0.5;
            d = x + an * d;
            if (Math.Abs(d) < tiny) d = tiny;
            c = x + an / c;
            if (Math.Abs(c) < tiny) c = tiny;
            d = 1 / d;
            double delta = c * d;
            f *= delta;
            if (Math.Abs(delta - 1) < eps) break;
        }
        return 1 / (Math.Sqrt(Math.PI) * f);
    }

    private static double[] Build()
    {
        var c = new double[Intervals * (Degree + 1)];
        int n = Degree + 1;
        var f = new double[n];
        for (int k = 0; k < Intervals; k++)
        {
            double lo = k * Width;
            for (int j = 0; j < n; j++)
            {
                double node = Math.Cos(Math.PI * (j + 0.5) / n);
                f[j] = Reference(lo + (node + 1) * 0.5 * Width);
            }
            for (int m = 0; m < n; m++)
            {
                double s = 0;
                for (int j = 0; j < n; j++) s += f[j] * Math.Cos(Math.PI * m * (j + 0.5) / n);
                c[k * n + m] = s * 2 / n * (m == 0 ? 0.5 : 1);
            }
        }
        return c;
    }
}
