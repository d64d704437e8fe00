namespace HpcKit.Neural;

/// <summary>Special functions the layers need and .NET lacks.</summary>
public static class SpecialFunctions
{
    private const double TwoOverSqrtPi = 1.1283791670955125739;

    /// <summary>
    /// The error function in double: Maclaurin series for |x| &lt; 3 (terms until below 1e-17 relative), the
    /// continued fraction erfc(x) = e^{−x²}/√π · 1/(x + ½/(x + 1/(x + 3/2/(x + …)))) for 3 ≤ |x| &lt; 6, ±1 beyond.
    /// </summary>
    public static double Erf(double x)
    {
        if (double.IsNaN(x)) return double.NaN;
        double a = Math.Abs(x);
        double r;
        if (a < 3)
        {
            double x2 = a * a, term = a, sum = a;
            for (int n = 1; n < 200; n++)
            {
                term *= -x2 / n;
                double t = term / (2 * n + 1);
                sum += t;
                if (Math.Abs(t) < 1e-17 * Math.Abs(sum)) break;
            }
            r = TwoOverSqrtPi * sum;
        }
        else if (a < 6)
        {
            double k = a;
            for (int n = 80; n >= 1; n--) k = a + n * 0.5 / k;
            r = 1 - Math.Exp(-a * a) / (Math.Sqrt(Math.PI) * k);
        }
        else
        {
            r = 1;
        }
        return x < 0 ? -r : r;
    }
}
