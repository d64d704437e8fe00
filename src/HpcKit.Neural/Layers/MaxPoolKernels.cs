using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace HpcKit.Neural;

/// <summary>AVX2 kernel for the common MaxPool1d(2, 2) on float rows: 8 outputs (and their argmax) per iteration.</summary>
internal static class MaxPoolKernels
{
    public static bool Supported => Avx2.IsSupported;

    /// <summary>
    /// y[j] = max(x[2j], x[2j+1]) and arg[j] = offset + 2j (+1 when x[2j+1] &gt; x[2j], so ties go to the first);
    /// returns how many outputs were done (a multiple of 8); the caller finishes the tail.
    /// </summary>
    public static unsafe int Pool2(ReadOnlySpan<float> x, Span<float> y, Span<int> arg, int outLen, int offset)
    {
        int j = 0;
        fixed (float* px = x)
        fixed (float* py = y)
        fixed (int* pa = arg)
        {
            var baseIdx = Vector256.Create(0, 2, 4, 6, 8, 10, 12, 14) + Vector256.Create(offset);
            var step = Vector256.Create(16);
            for (; j + 8 <= outLen; j += 8)
            {
                var a = Avx.LoadVector256(px + 2 * j);
                var b = Avx.LoadVector256(px + 2 * j + 8);
                var even = Avx.Shuffle(a, b, 0b10_00_10_00);
                var odd = Avx.Shuffle(a, b, 0b11_01_11_01);
                var gt = Avx.CompareGreaterThan(odd, even);
                var m = Avx.BlendVariable(even, odd, gt);
                var mo = Avx2.Permute4x64(m.AsDouble(), 0b11_01_10_00).AsSingle();
                var go = Avx2.Permute4x64(gt.AsDouble(), 0b11_01_10_00).AsInt32();
                Avx.Store(py + j, mo);
                Avx.Store(pa + j, Avx2.Subtract(baseIdx, go));
                baseIdx = Avx2.Add(baseIdx, step);
            }
        }
        return j;
    }
}
