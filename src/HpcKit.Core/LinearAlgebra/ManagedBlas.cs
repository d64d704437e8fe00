using System.Numerics;
using System.Numerics.Tensors;

namespace HpcKit.Core.LinearAlgebra;

/// <summary>The managed, vectorised backend (always available).</summary>
public sealed class ManagedBlas : IBlasProvider
{
    public string Name => "managed (Vector256 FMA kernels)";

    public int Threads { get; set; } = Environment.ProcessorCount;

    public void Sgemm(Transpose ta, Transpose tb, int m, int n, int k, float alpha, ReadOnlySpan<float> a, int lda,
        ReadOnlySpan<float> b, int ldb, float beta, Span<float> c, int ldc)
    {
        GemmShape.Check(ta, tb, m, n, k, a, lda, b, ldb, c, ldc);
        ManagedGemm.Gemm(ta, tb, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc, Threads);
    }

    public void Dgemm(Transpose ta, Transpose tb, int m, int n, int k, double alpha, ReadOnlySpan<double> a, int lda,
        ReadOnlySpan<double> b, int ldb, double beta, Span<double> c, int ldc)
    {
        GemmShape.Check(ta, tb, m, n, k, a, lda, b, ldb, c, ldc);
        ManagedGemm.Gemm(ta, tb, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc, Threads);
    }

    public void Sgemv(Transpose ta, int m, int n, float alpha, ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> x, float beta, Span<float> y)
    {
        GemmShape.CheckGemv(ta, m, n, a, lda, x, y);
        Gemv(ta, m, n, alpha, a, lda, x, beta, y);
    }

    public void Dgemv(Transpose ta, int m, int n, double alpha, ReadOnlySpan<double> a, int lda, ReadOnlySpan<double> x, double beta, Span<double> y)
    {
        GemmShape.CheckGemv(ta, m, n, a, lda, x, y);
        Gemv(ta, m, n, alpha, a, lda, x, beta, y);
    }

    private static void Gemv<T>(Transpose ta, int m, int n, T alpha, ReadOnlySpan<T> a, int lda, ReadOnlySpan<T> x, T beta, Span<T> y)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (ta == Transpose.No)
        {
            for (int i = 0; i < m; i++)
            {
                T d = alpha * TensorPrimitives.Dot(a.Slice(i * lda, n), x[..n]);
                y[i] = beta == T.Zero ? d : d + beta * y[i];
            }
            return;
        }
        var yy = y[..n];
        if (beta == T.Zero) yy.Clear();
        else if (beta != T.One) TensorPrimitives.Multiply(yy, beta, yy);
        for (int i = 0; i < m; i++)
            TensorPrimitives.FusedMultiplyAdd(a.Slice(i * lda, n), alpha * x[i], yy, yy);
    }
}
