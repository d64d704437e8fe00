using HpcKit.Core.Statistics;

namespace HpcKit.Graphs.Tests;

/// <summary>Small statistics toolkit for the validation battery (normal, chi-square, Kolmogorov–Smirnov).</summary>
internal static class Stat
{
    /// <summary>Threshold |z| &lt; 4: two-sided false-failure rate 6.3·10⁻⁵ per test.</summary>
    public const double ZLimit = 4.0;

    /// <summary>Goodness-of-fit tests reject below p = 10⁻⁴.</summary>
    public const double PLimit = 1e-4;

    /// <summary>Upper-tail p-value of χ² with k degrees of freedom (exact: Core's regularised upper incomplete gamma).</summary>
    public static double ChiSquareUpper(double x, int k) => StatTests.ChiSquareSurvival(x, k);

    /// <summary>P(Z &gt; z) for standard normal Z.</summary>
    public static double NormalUpper(double z) => 0.5 * Erfc(z / Math.Sqrt(2));

    /// <summary>Standard normal CDF.</summary>
    public static double NormalCdf(double z) => 1 - NormalUpper(z);

    /// <summary>erfc by the Numerical-Recipes Chebyshev fit (relative error &lt; 1.2·10⁻⁷).</summary>
    public static double Erfc(double x)
    {
        double z = Math.Abs(x);
        double t = 1 / (1 + 0.5 * z);
        double r = t * Math.Exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
            + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }

    /// <summary>KS test of samples against N(0,1): the asymptotic p-value of √n·D.</summary>
    public static double KolmogorovSmirnovNormal(double[] z)
    {
        var s = (double[])z.Clone();
        Array.Sort(s);
        int n = s.Length;
        double d = 0;
        for (int i = 0; i < n; i++)
        {
            double f = NormalCdf(s[i]);
            d = Math.Max(d, Math.Max((i + 1.0) / n - f, f - (double)i / n));
        }
        double lambda = (Math.Sqrt(n) + 0.12 + 0.11 / Math.Sqrt(n)) * d;
        double p = 0;
        for (int k = 1; k < 100; k++) p += 2 * Math.Pow(-1, k - 1) * Math.Exp(-2 * k * k * lambda * lambda);
        return Math.Clamp(p, 0, 1);
    }

    /// <summary>Sample mean and (n − 1) variance.</summary>
    public static (double Mean, double Variance) MeanVariance(IReadOnlyList<double> x) => StatTests.MeanVar([.. x]);

    /// <summary>z of a sample variance s² of R values against σ² (normal theory: sd of s²/σ² is √(2/(R−1))).</summary>
    public static double VarianceZ(double sampleVariance, double variance, int r) => (sampleVariance / variance - 1) / Math.Sqrt(2.0 / (r - 1));
}
