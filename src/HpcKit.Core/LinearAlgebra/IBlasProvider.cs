namespace HpcKit.Core.LinearAlgebra;

/// <summary>
/// Dense kernels on row-major matrices (leading dimension = row stride). C = α·op(A)·op(B) + β·C with op(A)
/// m×k and op(B) k×n; y = α·op(A)·x + β·y. When β = 0, C and y are overwritten (NaNs in them are ignored).
/// </summary>
public interface IBlasProvider
{
    /// <summary>Human-readable backend name, as it appears in run reports.</summary>
    string Name { get; }

    void Sgemm(Transpose ta, Transpose tb, int m, int n, int k, float alpha, ReadOnlySpan<float> a, int lda,
        ReadOnlySpan<float> b, int ldb, float beta, Span<float> c, int ldc);

    void Dgemm(Transpose ta, Transpose tb, int m, int n, int k, double alpha, ReadOnlySpan<double> a, int lda,
        ReadOnlySpan<double> b, int ldb, double beta, Span<double> c, int ldc);

    void Sgemv(Transpose ta, int m, int n, float alpha, ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> x, float beta, Span<float> y);

    void Dgemv(Transpose ta, int m, int n, double alpha, ReadOnlySpan<double> a, int lda, ReadOnlySpan<double> x, double beta, Span<double> y);

    /// <summary>Threads the backend may use for one call.</summary>
    int Threads { get; set; }
}
