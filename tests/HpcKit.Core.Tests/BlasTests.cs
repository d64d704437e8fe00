using HpcKit.Core.LinearAlgebra;
using HpcKit.Core.Random;

namespace HpcKit.Core.Tests;

public class BlasTests
{
    public static TheoryData<string, bool, bool> Backends()
    {
        var d = new TheoryData<string, bool, bool>();
        foreach (var b in new[] { "managed", "native" })
            foreach (bool ta in new[] { false, true })
                foreach (bool tb in new[] { false, true }) d.Add(b, ta, tb);
        return d;
    }

    private static IBlasProvider? Provider(string name) => name == "managed" ? Blas.Managed : Blas.Native;

    [Theory]
    [MemberData(nameof(Backends))]
    public void Dgemm_matches_triple_loop_for_all_transposes_and_odd_sizes(string backend, bool ta, bool tb)
    {
        var blas = Provider(backend);
        if (blas == null) return; // native BLAS absent: the managed case still runs
        var rng = new RandomStream(3, 1);
        foreach (var (m, n, k) in new[] { (1, 1, 1), (7, 5, 3), (13, 17, 19), (33, 9, 65), (4, 16, 300) })
        {
            int lda = (ta ? m : k) + 2, ldb = (tb ? k : n) + 1, ldc = n + 3;
            var a = Fill(ref rng, (ta ? k : m) * lda);
            var b = Fill(ref rng, (tb ? n : k) * ldb);
            var c = Fill(ref rng, m * ldc);
            var expect = (double[])c.Clone();
            double alpha = 1.5, beta = -0.5;
            for (int i = 0; i < m; i++)
                for (int j = 0; j < n; j++)
                {
                    double s = 0;
                    for (int p = 0; p < k; p++) s += (ta ? a[p * lda + i] : a[i * lda + p]) * (tb ? b[j * ldb + p] : b[p * ldb + j]);
                    expect[i * ldc + j] = alpha * s + beta * c[i * ldc + j];
                }
            blas.Dgemm(ta ? Transpose.Yes : Transpose.No, tb ? Transpose.Yes : Transpose.No, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
            for (int i = 0; i < m; i++)
                for (int j = 0; j < n; j++) Assert.Equal(expect[i * ldc + j], c[i * ldc + j], 1e-12 * k);
        }
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public void Sgemm_matches_triple_loop(string backend, bool ta, bool tb)
    {
        var blas = Provider(backend);
        if (blas == null) return;
        var rng = new RandomStream(4, 1);
        int m = 37, n = 29, k = 41;
        var a = new float[m * k]; var b = new float[k * n]; var c = new float[m * n];
        for (int i = 0; i < a.Length; i++) a[i] = rng.NextSingle() - 0.5f;
        for (int i = 0; i < b.Length; i++) b[i] = rng.NextSingle() - 0.5f;
        blas.Sgemm(ta ? Transpose.Yes : Transpose.No, tb ? Transpose.Yes : Transpose.No, m, n, k, 1, a, ta ? m : k, b, tb ? k : n, 0, c, n);
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
            {
                double s = 0;
                for (int p = 0; p < k; p++) s += (double)(ta ? a[p * m + i] : a[i * k + p]) * (tb ? b[j * k + p] : b[p * n + j]);
                Assert.Equal(s, c[i * n + j], 1e-4);
            }
    }

    [Theory]
    [InlineData("managed", false)]
    [InlineData("managed", true)]
    [InlineData("native", false)]
    [InlineData("native", true)]
    public void Gemv_matches_reference(string backend, bool trans)
    {
        var blas = Provider(backend);
        if (blas == null) return;
        var rng = new RandomStream(5, 1);
        int m = 23, n = 11, lda = 14;
        var a = Fill(ref rng, m * lda);
        var x = Fill(ref rng, trans ? m : n);
        var y = Fill(ref rng, trans ? n : m);
        var expect = (double[])y.Clone();
        for (int i = 0; i < expect.Length; i++)
        {
            double s = 0;
            for (int j = 0; j < x.Length; j++) s += (trans ? a[j * lda + i] : a[i * lda + j]) * x[j];
            expect[i] = 2 * s + 0.25 * y[i];
        }
        blas.Dgemv(trans ? Transpose.Yes : Transpose.No, m, n, 2, a, lda, x, 0.25, y);
        for (int i = 0; i < y.Length; i++) Assert.Equal(expect[i], y[i], 1e-12);
    }

    [Fact]
    public void Beta_zero_ignores_nan_in_c()
    {
        var c = new[] { double.NaN, double.NaN };
        Blas.Managed.Dgemm(Transpose.No, Transpose.No, 1, 2, 1, 1, [2.0], 1, [3.0, 4.0], 2, 0, c, 2);
        Assert.Equal([6.0, 8.0], c);
    }

    [Fact]
    public void Shape_errors_are_reported()
    {
        var e = Assert.Throws<ArgumentException>(() => Blas.Managed.Dgemm(Transpose.No, Transpose.No, 3, 3, 3, 1, new double[8], 3, new double[9], 3, 0, new double[9], 3));
        Assert.Contains("A:", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Managed_gemm_is_identical_across_thread_counts()
    {
        var rng = new RandomStream(9, 9);
        int n = 97;
        var a = Fill(ref rng, n * n); var b = Fill(ref rng, n * n);
        var c1 = new double[n * n]; var c2 = new double[n * n];
        var blas = new ManagedBlas { Threads = 1 };
        blas.Dgemm(Transpose.No, Transpose.No, n, n, n, 1, a, n, b, n, 0, c1, n);
        blas.Threads = 3;
        blas.Dgemm(Transpose.No, Transpose.No, n, n, n, 1, a, n, b, n, 0, c2, n);
        Assert.Equal(c1, c2);
    }

    private static double[] Fill(ref RandomStream r, int len)
    {
        var v = new double[len];
        for (int i = 0; i < len; i++) v[i] = r.NextDouble() - 0.5;
        return v;
    }
}
