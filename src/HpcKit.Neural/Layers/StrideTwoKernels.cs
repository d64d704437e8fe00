using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace HpcKit.Neural;

/// <summary>AVX2 kernels for stride-2 im2col and col2im on float rows (8 elements per step, scalar tail).</summary>
internal static class StrideTwoKernels
{
    public static bool Supported => Avx2.IsSupported;

    /// <summary>dst[j] = src[2j] for j &lt; dst.Length (src.Length ≥ 2·dst.Length − 1).</summary>
    public static unsafe void Gather(ReadOnlySpan<float> src, Span<float> dst)
    {
        int n = dst.Length, j = 0;
        fixed (float* ps = src)
        fixed (float* pd = dst)
        {
            for (; j + 8 <= n && 2 * j + 16 <= src.Length; j += 8)
            {
                var a = Avx.LoadVector256(ps + 2 * j);
                var b = Avx.LoadVector256(ps + 2 * j + 8);
                var even = Avx.Shuffle(a, b, 0b10_00_10_00);
                Avx.Store(pd + j, Avx2.Permute4x64(even.AsDouble(), 0b11_01_10_00).AsSingle());
            }
        }
        for (; j < n; j++) dst[j] = src[2 * j];
    }

    /// <summary>dst[2j] += src[j] for j &lt; src.Length (dst.Length ≥ 2·src.Length − 1).</summary>
    public static unsafe void ScatterAdd(ReadOnlySpan<float> src, Span<float> dst)
    {
        int n = src.Length, j = 0;
        fixed (float* ps = src)
        fixed (float* pd = dst)
        {
            var zero = Vector256<float>.Zero;
            for (; j + 8 <= n && 2 * j + 16 <= dst.Length; j += 8)
            {
                var s = Avx.LoadVector256(ps + j);
                var lo = Avx.UnpackLow(s, zero);
                var hi = Avx.UnpackHigh(s, zero);
                var a = Avx.Permute2x128(lo, hi, 0x20);
                var b = Avx.Permute2x128(lo, hi, 0x31);
                Avx.Store(pd + 2 * j, Avx.Add(Avx.LoadVector256(pd + 2 * j), a));
                Avx.Store(pd + 2 * j + 8, Avx.Add(Avx.LoadVector256(pd + 2 * j + 8), b));
            }
        }
        for (; j < n; j++) dst[2 * j] += src[j];
    }
}
