using System.Runtime.CompilerServices;

namespace HpcKit.Graphs.Generation;

/// <summary>
/// Natural logarithms built only from IEEE-754 add, multiply and (rarely) divide — no platform libm — so every
/// machine produces the same bits. ln x = e·ln 2 + ln c_i + log1p(f): the top 8 mantissa bits pick a centre c_i,
/// f = (m − c_i)·(1/c_i) with |f| ≤ 2⁻⁸, and log1p(f) is an 8-term Taylor polynomial (no division). The 256
/// (ln c_i, 1/c_i) pairs are computed once in double-double arithmetic. Buckets next to 1 use c = 1 or 2 so
/// that f is exact and results near x = 1 keep full relative accuracy. Accuracy: within 2 ulp (tested).
/// </summary>
public static class DeterministicLog
{
    private const double Ln2Hi = 6.93147180369123816490e-01; // 32 trailing zero bits: e·Ln2Hi is exact
    private const double Ln2Lo = 1.90821492927058770002e-10;

    // 2/(2k+1) for k = 1..10: ln(1+f) = f − s·f + s·z·Σ c_k z^(k−1), s = f/(2+f) (general path)
    private const double C1 = 2.0 / 3, C2 = 2.0 / 5, C3 = 2.0 / 7, C4 = 2.0 / 9, C5 = 2.0 / 11;
    private const double C6 = 2.0 / 13, C7 = 2.0 / 15, C8 = 2.0 / 17, C9 = 2.0 / 19, C10 = 2.0 / 21;

    private const int Split = 106; // buckets i ≥ Split (m ≥ 1.4140625) use m/2 and e + 1

    private static readonly double[] LnHi = new double[256], LnLo = new double[256], InvC = new double[256], Centre = new double[256];

    static DeterministicLog()
    {
        for (int i = 0; i < 256; i++)
        {
            double c = i == 0 ? 1.0 : i == 255 ? 2.0 : 1.0 + (i + 0.5) / 256;
            Centre[i] = c;
            InvC[i] = 1.0 / c;
            var ln = DoubleDouble.Ln(c);
            if (i >= Split) ln = DoubleDouble.Add(ln, new DoubleDouble(-DoubleDouble.Ln2.Hi, -DoubleDouble.Ln2.Lo));
            LnHi[i] = ln.Hi;
            LnLo[i] = ln.Lo;
        }
        LnHi[255] = 0;
        LnLo[255] = 0;
    }

    /// <summary>log1p(f) for |f| ≤ 2⁻⁸: f + f²·(−1/2 + f(1/3 + f(−1/4 + …))) up to f⁸/8; truncation below 2⁻⁶⁴·|f|.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Log1pSmall(double f)
    {
        double q = -0.5 + f * (1.0 / 3 + f * (-0.25 + f * (0.2 + f * (-1.0 / 6 + f * (1.0 / 7 + f * -0.125)))));
        return f + f * f * q;
    }

    /// <summary>ln(1 + f) for f with 1 + f in [√½, √2]; f itself must be exact (one division).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Log1pCore(double f)
    {
        double s = f / (2.0 + f);
        double z = s * s;
        double r = z * (C1 + z * (C2 + z * (C3 + z * (C4 + z * (C5 + z * (C6 + z * (C7 + z * (C8 + z * (C9 + z * C10)))))))));
        return f - (s * f - s * r);
    }

    /// <summary>ln(x) for finite x &gt; 0; −∞ for 0, +∞ for +∞, NaN for negative or NaN.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Ln(double x)
    {
        long bits = BitConverter.DoubleToInt64Bits(x);
        if (bits <= 0 || bits >= 0x7FF0000000000000L) return LnSpecial(x);
        int e = (int)(bits >> 52) - 1023;
        if (e == -1023)
        {
            bits = BitConverter.DoubleToInt64Bits(x * 18014398509481984.0); // subnormal: scale by 2^54
            e = (int)(bits >> 52) - 1023 - 54;
        }
        int i = (int)((bits >> 44) & 0xFF);
        double m = BitConverter.Int64BitsToDouble((bits & 0x000FFFFFFFFFFFFFL) | 0x3FF0000000000000L);
        ref double centre = ref System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference(Centre);
        ref double inv = ref System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference(InvC);
        ref double hi = ref System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference(LnHi);
        ref double lo = ref System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference(LnLo);
        double f = (m - Unsafe.Add(ref centre, i)) * Unsafe.Add(ref inv, i); // m − c exact; |f| ≤ 2⁻⁸
        if (i >= Split) e++;
        double lf = Log1pSmall(f);
        return (e * Ln2Hi + Unsafe.Add(ref hi, i)) + (lf + (Unsafe.Add(ref lo, i) + e * Ln2Lo));
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
        if (p <= 0.00390625) return Log1pSmall(-p); // |−p| ≤ 2⁻⁸: polynomial, no division
        if (p <= 0.2928932188134524) return Log1pCore(-p); // 1 − p ≥ √½: use −p directly, exactly
        double u = 1.0 - p;
        double c = ((1.0 - u) - p) / u; // rounding error of u, relative (zero when p ≥ ½)
        return Ln(u) + c;
    }

    /// <summary>log1p(x) for x &gt; −1 (general form, used by references and tests).</summary>
    public static double Log1p(double x)
    {
        if (x <= 0) return x == 0 ? 0.0 : x > -1 ? Log1pNeg(-x) : (x == -1 ? double.NegativeInfinity : double.NaN);
        if (x <= 0.00390625) return Log1pSmall(x);
        if (x <= 0.4142135623730951) return Log1pCore(x);
        double u = 1.0 + x;
        double c = (x - (u - 1.0)) / u;
        return Ln(u) + c;
    }
}
