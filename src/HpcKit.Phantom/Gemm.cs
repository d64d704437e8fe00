using System.Runtime.InteropServices;
using HpcKit.Core.LinearAlgebra;

namespace HpcKit.Phantom;

/// <summary>
/// Row-major GEMM over float or double through Core's BLAS seam, counting 2·M·N·K FLOPs on a <see cref="FlopCounter"/>.
/// C = α·op(A)·op(B) + β·C. Empty products (any size 0) cost nothing and leave C scaled by β.
/// </summary>
public static class Gemm
{
    /// <summary>Runs one product and counts it.</summary>
    public static void Run<T>(FlopCounter? flops, Transpose ta, Transpose tb, int m, int n, int k, double alpha,
        ReadOnlySpan<T> a, int lda, ReadOnlySpan<T> b, int ldb, double beta, Span<T> c, int ldc)
        where T : unmanaged
    {
        if (m == 0 || n == 0) return;
        if (k == 0)
        {
            if (beta == 0) for (int i = 0; i < m; i++) c.Slice(i * ldc, n).Clear();
            else if (beta != 1) throw new ArgumentException("k = 0 with β ∉ {0, 1} is not supported");
            return;
        }
        if (typeof(T) == typeof(double))
        {
            Blas.Dgemm(ta, tb, m, n, k, alpha, MemoryMarshal.Cast<T, double>(a), lda, MemoryMarshal.Cast<T, double>(b), ldb,
                beta, MemoryMarshal.Cast<T, double>(c), ldc);
        }
        else if (typeof(T) == typeof(float))
        {
            Blas.Sgemm(ta, tb, m, n, k, (float)alpha, MemoryMarshal.Cast<T, float>(a), lda, MemoryMarshal.Cast<T, float>(b), ldb,
                (float)beta, MemoryMarshal.Cast<T, float>(c), ldc);
        }
        else
        {
            throw new NotSupportedException($"GEMM over {typeof(T).Name} (float and double only)");
        }
        flops?.AddGemm(m, n, k);
    }
}
