namespace HpcKit.Core.Statistics;

/// <summary>
/// The few distribution functions the experiments and tests need: χ² survival (regularised upper incomplete
/// gamma) and the one-sided Welch t-test (Student t through the regularised incomplete beta, Lentz continued
/// fraction). Accurate to about 1e-12 in the ranges used.
/// </summary>
public static class StatTests
{
    /// <summary>P(X ≥ x) for X ~ χ²(dof).</summary>
    public static double ChiSquareSurvival(double x, int dof) => x <= 0 ? 1.0 : UpperGamma(dof / 2.0, x / 2.0);

    /// <summary>
    /// One-sided Welch test of H₁: mean(a) &lt; mean(b). Returns (t, degrees of freedom, p). Needs n ≥ 2 on both sides.
    /// </summary>
    public static (double T, double Dof, double P) WelchLess(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        if (a.Length < 2 || b.Length < 2) return (double.NaN, double.NaN, double.NaN);
        var (ma, va) = MeanVar(a);
        var (mb, vb) = MeanVar(b);
        double sa = va / a.Length, sb = vb / b.Length;
        double se = Math.Sqrt(sa + sb);
        if (se == 0) return (ma < mb ? double.NegativeInfinity : double.PositiveInfinity, double.NaN, ma < mb ? 0 : 1);
        double t = (ma - mb) / se;
        double dof = (sa + sb) * (sa + sb) / (sa * sa / (a.Length - 1) + sb * sb / (b.Length - 1));
        return (t, dof, StudentCdf(t, dof));
    }

    /// <summary>Sample mean and (n − 1) variance.</summary>
    public static (double Mean, double Variance) MeanVar(ReadOnlySpan<double> x)
    {
        double m = 0;
        foreach (var v in x) m += v;
        m /= x.Length;
        double s = 0;
        foreach (var v in x) s += (v - m) * (v - m);
        return (m, x.Length > 1 ? s / (x.Length - 1) : 0);
    }

    /// <summary>P(T ≤ t) for Student's t with ν degrees of freedom.</summary>
    public static double StudentCdf(double t, double nu)
    {
        double x = nu / (nu + t * t);
        double tail = 0.5 * RegularizedBeta(nu / 2, 0.5, x);
        return t > 0 ? 1 - tail : tail;
    }

    /// <summary>Regularised upper incomplete gamma Q(s, x).</summary>
    public static double UpperGamma(double s, double x)
    {
        if (x <= 0) return 1.0;
        double lnPre = s * Math.Log(x) - x - LogGamma(s);
        if (x < s + 1)
        {
            double term = 1.0 / s, sum = term;
            for (int n = 1; n < 10000; n++)
            {
                term *= x / (s + n);
                sum += term;
                if (Math.Abs(term) < Math.Abs(sum) * 1e-16) break;
            }
            return Math.Max(0, 1 - Math.Exp(lnPre) * sum);
        }
        // Continued fraction for Q (modified Lentz).
        const double tiny = 1e-300;
        double b = x + 1 - s, c = 1 / tiny, d = 1 / b, h = d;
        for (int i = 1; i < 10000; i++)
        {
            double an = -i * (i - s);
            b += 2;
            d = an * d + b; if (Math.Abs(d) < tiny) d = tiny;
            c = b + an / c; if (Math.Abs(c) < tiny) c = tiny;
            d = 1 / d;
            double del = d * c;
            h *= del;
            if (Math.Abs(del - 1) < 1e-16) break;
        }
        return Math.Exp(lnPre) * h;
    }

    /// <summary>Regularised incomplete beta I_x(a, b).</summary>
    public static double RegularizedBeta(double a, double b, double x)
    {
        if (x <= 0) return 0;
        if (x >= 1) return 1;
        double lnFront = LogGamma(a + b) - LogGamma(a) - LogGamma(b) + a * Math.Log(x) + b * Math.Log(1 - x);
        if (x > (a + 1) / (a + b + 2)) return 1 - RegularizedBeta(b, a, 1 - x);
        const double tiny = 1e-300;
        double c = 1, d = 1 - (a + b) * x / (a + 1);
        if (Math.Abs(d) < tiny) d = tiny;
        d = 1 / d;
        double h = d;
        for (int m = 1; m < 10000; m++)
        {
            double num = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m));
            d = 1 + num * d; if (Math.Abs(d) < tiny) d = tiny;
            c = 1 + num / c; if (Math.Abs(c) < tiny) c = tiny;
            d = 1 / d; h *= d * c;
            num = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1));
            d = 1 + num * d; if (Math.Abs(d) < tiny) d = tiny;
            c = 1 + num / c; if (Math.Abs(c) < tiny) c = tiny;
            d = 1 / d;
            double del = d * c;
            h *= del;
            if (Math.Abs(del - 1) < 1e-16) break;
        }
        return Math.Exp(lnFront) * h / a;
    }

    /// <summary>ln Γ(x) for x &gt; 0 (Lanczos, g = 7, 9 terms).</summary>
    public static double LogGamma(double x)
    {
        ReadOnlySpan<double> g =
        [
            0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
            12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
        ];
        if (x < 0.5) return Math.Log(Math.PI / Math.Abs(Math.Sin(Math.PI * x))) - LogGamma(1 - x);
        x -= 1;
        double a = g[0];
        double t = x + 7.5;
        for (int i = 1; i < 9; i++) a += g[i] / (x + i);
        return 0.5 * Math.Log(2 * Math.PI) + (x + 0.5) * Math.Log(t) - t + Math.Log(a);
    }
}
