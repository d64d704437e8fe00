namespace HpcKit.Core.LinearAlgebra;

/// <summary>
/// The BLAS provider seam, chosen once at start-up: native CBLAS (OpenBLAS) when present, the managed kernels
/// otherwise. <c>HPCKIT_BLAS=managed</c> forces the managed backend. <see cref="Current"/>.Name goes into every
/// run report.
/// </summary>
public static class Blas
{
    private static readonly Lazy<NativeBlas?> NativeLazy = new(() => NativeBlas.TryLoad(out _));
    private static IBlasProvider? _current;

    /// <summary>The managed backend (always available).</summary>
    public static ManagedBlas Managed { get; } = new();

    /// <summary>The native backend, or null when no CBLAS library could be loaded.</summary>
    public static NativeBlas? Native => NativeLazy.Value;

    /// <summary>The provider in use.</summary>
    public static IBlasProvider Current
    {
        get => _current ??= Choose();
        set => _current = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>Sets the thread count of the current provider.</summary>
    public static void SetThreads(int threads) => Current.Threads = Math.Max(1, threads);

    private static IBlasProvider Choose()
    {
        string? force = Environment.GetEnvironmentVariable("HPCKIT_BLAS");
        if (string.Equals(force, "managed", StringComparison.OrdinalIgnoreCase)) return Managed;
        return (IBlasProvider?)Native ?? Managed;
    }

    public static void Sgemm(Transpose ta, Transpose tb, int m, int n, int k, float alpha, ReadOnlySpan<float> a, int lda,
        ReadOnlySpan<float> b, int ldb, float beta, Span<float> c, int ldc)
        => Current.Sgemm(ta, tb, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);

    public static void Dgemm(Transpose ta, Transpose tb, int m, int n, int k, double alpha, ReadOnlySpan<double> a, int lda,
        ReadOnlySpan<double> b, int ldb, double beta, Span<double> c, int ldc)
        => Current.Dgemm(ta, tb, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);

    public static void Sgemv(Transpose ta, int m, int n, float alpha, ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> x, float beta, Span<float> y)
        => Current.Sgemv(ta, m, n, alpha, a, lda, x, beta, y);

    public static void Dgemv(Transpose ta, int m, int n, double alpha, ReadOnlySpan<double> a, int lda, ReadOnlySpan<double> x, double beta, Span<double> y)
        => Current.Dgemv(ta, m, n, alpha, a, lda, x, beta, y);

    /// <summary>x·y.</summary>
    public static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y) => System.Numerics.Tensors.TensorPrimitives.Dot(x, y);

    /// <summary>x·y.</summary>
    public static float Dot(ReadOnlySpan<float> x, ReadOnlySpan<float> y) => System.Numerics.Tensors.TensorPrimitives.Dot(x, y);

    /// <summary>y += α·x.</summary>
    public static void Axpy(double alpha, ReadOnlySpan<double> x, Span<double> y) => System.Numerics.Tensors.TensorPrimitives.FusedMultiplyAdd(x, alpha, y, y);

    /// <summary>y += α·x.</summary>
    public static void Axpy(float alpha, ReadOnlySpan<float> x, Span<float> y) => System.Numerics.Tensors.TensorPrimitives.FusedMultiplyAdd(x, alpha, y, y);
}
