using System.Runtime.CompilerServices;

namespace HpcKit.Graphs.Generation;

/// <summary>
/// Natural logarithms built only from IEEE-754 add, multiply and divide (no platform libm), so every machine
/// produces the same bits. ln(1+f) = 2·atanh(s) with s = f/(2+f), |s| ≤ 0.1716, summed as a Taylor series of
/// eleven terms (truncation below 2⁻⁵⁵); the exponent enters through a split ln 2. Accuracy: within 2 ulp.
/// </summary>
public static class DeterministicLog
{
    private const double Ln2Hi = 6.93147180369123816490e-01; // 32 trailing zero bits: e·Ln2Hi is exact
    private const double Ln2Lo = 1.90821492927058770002e-10;
    private const double Sqrt2 = 1.4142135623730951;

    // 2/(2k+1) for k = 1..10: ln(1+f) = f − s·f + s·z·Σ c_k z^(k−1).
    private const double C1 = 2.0 / 3, C2 = 2.0 / 5, C3 = 2.0 / 7, C4 = 2.0 / 9, C5 = 2.0 / 11;
    private const double C6 = 2.0 / 13, C7 = 2.0 / 15, C8 = 2.0 / 17, C9 = 2.0 / 19, C10 = 2.0 / 21;

    /// <summary>ln(1 + f) for f with 1 + f in [√½, √2]; f itself must be exact.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Log1pCore(double f)
    {
        double s = f / (2.0 + f);
        double z = s * s;
        double r = z * (C1 + z * (C2 + z * (C3 + z * (C4 + z * (C5 + z * (C6 + z * (C7 + z * (C8 + z * (C9 + z * C10)))))))));
        return f - (s * f - s * r);
    }

    /// <summary>ln(x) for finite x &gt; 0; −∞ for 0, NaN for negative or NaN.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Ln(double x)
    {
        long bits = BitConverter.DoubleToInt64Bits(x);
        if (bits <= 0 || bits >= 0x7FF0000000000000L) return LnSpecial(x);
        int e = (int)(bits >> 52) - 1023;
        if (e == -1023)
        {
            // subnormal: scale up by 2^54
            bits = BitConverter.DoubleToInt64Bits(x * 18014398509481984.0);
            e = (int)(bits >> 52) - 1023 - 54;
        }
        double m = BitConverter.Int64BitsToDouble((bits & 0x000FFFFFFFFFFFFFL) | 0x3FF0000000000000L);
        if (m > Sqrt2)
        {
            m *= 0.5;
            e++;
        }
        double f = m - 1.0; // exact (Sterbenz)
        double lf = Log1pCore(f);
        return e * Ln2Hi + (lf + e * Ln2Lo);
    }

    private static double LnSpecial(double x)
    {
        if (x == 0) return double.NegativeInfinity;
        if (double.IsPositiveInfinity(x)) return double.PositiveInfinity;
        return double.NaN;
    }

    /// <summary>log1p(−p) = ln(1 − p) for p in [0, 1), without the cancellation of forming 1 − p for small p.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Log1pNeg(double p)
    {
        if (p <= 0.0009765625)
        {
            // |s| ≤ 2⁻¹¹, z ≤ 2⁻²²: three series terms already reach below 2⁻⁶⁶ relative
            double s = -p / (2.0 - p);
            double z = s * s;
            double r = z * (C1 + z * (C2 + z * C3));
            return -p - (s * -p - s * r);
        }
        if (p <= 0.2928932188134524) return Log1pCore(-p); // 1 − p ≥ √½: use −p directly, exactly
        double u = 1.0 - p;
        double c = ((1.0 - u) - p) / u; // rounding error of u, relative (zero when p ≥ ½)
        return Ln(u) + c;
    }

    /// <summary>log1p(x) for x &gt; −1 (general form, used by references and tests).</summary>
    public static double Log1p(double x)
    {
        if (x <= 0) return x == 0 ? 0.0 : x > -1 ? Log1pNeg(-x) : (x == -1 ? double.NegativeInfinity : double.NaN);
        if (x <= 0.4142135623730951) return Log1pCore(x);
        double u = 1.0 + x;
        double c = (x - (u - 1.0)) / u;
        return Ln(u) + c;
    }
}
