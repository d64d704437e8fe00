using System.Numerics;
using System.Runtime.InteropServices;
using HpcKit.Core.LinearAlgebra;

namespace HpcKit.Neural;

/// <summary>
/// Generic dense kernels for float and double, dispatched to Core's BLAS (Sgemm/Dgemm), with a per-thread FLOP
/// counter (<see cref="Flops"/>) that every GEMM adds 2·m·n·k to. Thread ranks each see their own count.
/// </summary>
public static class TensorMath
{
    [ThreadStatic]
    private static long _flops;

    [ThreadStatic]
    private static long _gemmTicks;

    /// <summary>Floating-point operations counted on this thread since the last <see cref="ResetFlops"/> (GEMM: 2mnk).</summary>
    public static long Flops => _flops;

    /// <summary>Resets this thread's FLOP counter and GEMM time.</summary>
    public static void ResetFlops()
    {
        _flops = 0;
        _gemmFlops = 0;
        _gemmTicks = 0;
    }

    /// <summary>Seconds this thread spent inside <see cref="Gemm{T}"/> since the last <see cref="ResetFlops"/>.</summary>
    public static double GemmSeconds => _gemmTicks / (double)System.Diagnostics.Stopwatch.Frequency;

    /// <summary>GEMM FLOPs counted on this thread (a subset of <see cref="Flops"/>).</summary>
    public static long GemmFlops => _gemmFlops;

    [ThreadStatic]
    private static long _gemmFlops;

    /// <summary>Adds <paramref name="flops"/> to this thread's counter (for kernels outside this class).</summary>
    public static void CountFlops(long flops) => _flops += flops;

    /// <summary>C = α·op(A)·op(B) + β·C, row-major, through <see cref="Blas"/>.</summary>
    public static void Gemm<T>(Transpose ta, Transpose tb, int m, int n, int k, T alpha, ReadOnlySpan<T> a, int lda,
        ReadOnlySpan<T> b, int ldb, T beta, Span<T> c, int ldc) where T : unmanaged, IFloatingPointIeee754<T>
    {
        long f = 2L * m * n * k;
        _flops += f;
        _gemmFlops += f;
        long t0 = System.Diagnostics.Stopwatch.GetTimestamp();
        if (typeof(T) == typeof(float))
        {
            Blas.Sgemm(ta, tb, m, n, k, float.CreateTruncating(alpha), MemoryMarshal.Cast<T, float>(a), lda,
                MemoryMarshal.Cast<T, float>(b), ldb, float.CreateTruncating(beta), MemoryMarshal.Cast<T, float>(c), ldc);
        }
        else
        {
            Blas.Dgemm(ta, tb, m, n, k, double.CreateTruncating(alpha), MemoryMarshal.Cast<T, double>(a), lda,
                MemoryMarshal.Cast<T, double>(b), ldb, double.CreateTruncating(beta), MemoryMarshal.Cast<T, double>(c), ldc);
        }
        _gemmTicks += System.Diagnostics.Stopwatch.GetTimestamp() - t0;
    }

    /// <summary>Adds <paramref name="bias"/> (length w) to every row of the rows×w matrix <paramref name="x"/>.</summary>
    public static void AddRowVector<T>(Span<T> x, int rows, ReadOnlySpan<T> bias) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int w = bias.Length;
        for (int r = 0; r < rows; r++)
        {
            var row = x.Slice(r * w, w);
            System.Numerics.Tensors.TensorPrimitives.Add(row, bias, row);
        }
    }

    /// <summary>sum += column sums of the rows×w matrix <paramref name="x"/>.</summary>
    public static void AccumulateColumnSums<T>(ReadOnlySpan<T> x, int rows, Span<T> sum) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int w = sum.Length;
        for (int r = 0; r < rows; r++)
            System.Numerics.Tensors.TensorPrimitives.Add(sum, x.Slice(r * w, w), sum);
    }

    /// <summary>Σ x² in double.</summary>
    public static double SumOfSquares<T>(ReadOnlySpan<T> x) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(double))
        {
            var d = MemoryMarshal.Cast<T, double>(x);
            return System.Numerics.Tensors.TensorPrimitives.Dot(d, d);
        }
        var f = MemoryMarshal.Cast<T, float>(x);
        double s = 0;
        const int block = 4096;
        for (int i = 0; i < f.Length; i += block)
        {
            var part = f.Slice(i, Math.Min(block, f.Length - i));
            s += System.Numerics.Tensors.TensorPrimitives.Dot(part, part);
        }
        return s;
    }
}
