namespace HpcKit.Sparse.Factorization;

/// <summary>The RowMax scale factors of <see cref="RowScaling.RowMax"/> from a matrix's row indices and values.</summary>
internal static unsafe class RowScaler
{
    /// <summary>
    /// r_i = 2^−e with 2^e ≤ max_j |a_ij| &lt; 2^(e+1), at most 2^1023 (rows whose maximum is subnormal stay below 1);
    /// 1 for rows without a nonzero or with an infinite entry (NaN entries are ignored).
    /// </summary>
    public static void RowMax(ReadOnlySpan<int> rowIdx, ReadOnlySpan<double> values, Span<double> r)
    {
        r.Clear();
        fixed (int* ri = rowIdx)
        fixed (double* v = values, pr = r)
        {
            for (nint t = 0, e = values.Length; t < e; t++)
            {
                double a = Math.Abs(v[t]);
                double* m = pr + ri[t];
                double c = *m;
                *m = a > c ? a : c; // NaN never wins; ∞ does, and gives r = 1
            }
            for (nint i = 0, e = r.Length; i < e; i++) pr[i] = InversePowerOfTwo(pr[i]);
        }
    }

    /// <summary>min(2^−⌊log₂ m⌋, 2^1023) for finite m &gt; 0 (from the exponent bits when both are normal numbers), else 1.</summary>
    private static double InversePowerOfTwo(double m)
    {
        if (!(m > 0) || m == double.PositiveInfinity) return 1.0;
        int biased = (int)(BitConverter.DoubleToInt64Bits(m) >> 52) & 0x7FF;
        return biased is > 0 and < 2046
            ? BitConverter.Int64BitsToDouble((long)(2046 - biased) << 52)
            : Math.ScaleB(1.0, Math.Min(1023, -Math.ILogB(m)));
    }
}
