using HpcKit.Core.LinearAlgebra;
using HpcKit.Core.Random;

namespace HpcKit.Core.Tests;

public class EigenTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Second_difference_matrix_has_known_spectrum(bool managed)
    {
        // Tridiagonal (2, −1): λ_j = 2 − 2 cos(jπ/(n+1)), j = 1..n.
        int n = 24;
        var a = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            a[i * n + i] = 2;
            if (i > 0) a[i * n + i - 1] = a[(i - 1) * n + i] = -1;
        }
        var e = SymmetricEigen.Solve(a, n, managed: managed);
        for (int j = 0; j < n; j++) Assert.Equal(2 - 2 * Math.Cos((j + 1) * Math.PI / (n + 1)), e.Values[j], 1e-12);
        AssertResidual(a, null, e, 1e-11);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Lowest_subset_matches_full_spectrum(bool managed)
    {
        int n = 30;
        var a = RandomSymmetric(n, 11);
        var all = SymmetricEigen.Solve(a, n, managed: managed);
        var low = SymmetricEigen.Solve(a, n, 4, managed: managed);
        Assert.Equal(4, low.Values.Length);
        for (int j = 0; j < 4; j++) Assert.Equal(all.Values[j], low.Values[j], 1e-10);
        AssertResidual(a, null, low, 1e-10);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Generalized_problem_has_small_residual_and_b_orthonormal_vectors(bool managed)
    {
        int n = 20;
        var a = RandomSymmetric(n, 12);
        var b = RandomSymmetric(n, 13);
        for (int i = 0; i < n; i++) b[i * n + i] += n; // make B positive definite
        var e = SymmetricEigen.SolveGeneralized(a, b, n, managed);
        AssertResidual(a, b, e, 1e-9);
        for (int p = 0; p < n; p++)
            for (int q = 0; q < n; q++)
            {
                double s = 0;
                for (int i = 0; i < n; i++)
                    for (int k = 0; k < n; k++) s += e.Vector(p)[i] * b[i * n + k] * e.Vector(q)[k];
                Assert.Equal(p == q ? 1 : 0, s, 1e-9);
            }
    }

    [Fact]
    public void Managed_and_lapack_agree()
    {
        int n = 15;
        var a = RandomSymmetric(n, 21);
        var x = SymmetricEigen.Solve(a, n, managed: true);
        var y = SymmetricEigen.Solve(a, n);
        for (int j = 0; j < n; j++) Assert.Equal(x.Values[j], y.Values[j], 1e-10);
    }

    [Fact]
    public void Indefinite_b_is_a_clear_error()
    {
        var a = new double[] { 1, 0, 0, 1 };
        var b = new double[] { 1, 0, 0, -1 };
        Assert.Throws<HpcKitDataException>(() => SymmetricEigen.SolveGeneralized(a, b, 2, managed: true));
        Assert.Throws<HpcKitDataException>(() => SymmetricEigen.SolveGeneralized(a, b, 2));
    }

    private static double[] RandomSymmetric(int n, ulong seed)
    {
        var r = new RandomStream(seed, 0);
        var a = new double[n * n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j <= i; j++) a[i * n + j] = a[j * n + i] = r.NextDouble() - 0.5;
        return a;
    }

    private static void AssertResidual(double[] a, double[]? b, EigenDecomposition e, double tol)
    {
        int n = e.N;
        for (int j = 0; j < e.Values.Length; j++)
        {
            var v = e.Vector(j);
            double norm = 0;
            for (int i = 0; i < n; i++)
            {
                double av = 0, bv = 0;
                for (int k = 0; k < n; k++)
                {
                    av += a[i * n + k] * v[k];
                    bv += (b == null ? (i == k ? 1 : 0) : b[i * n + k]) * v[k];
                }
                norm += Math.Pow(av - e.Values[j] * bv, 2);
            }
            Assert.True(Math.Sqrt(norm) < tol, $"‖Av − λBv‖ = {Math.Sqrt(norm)} for pair {j}");
        }
    }
}
