using System.Numerics.Tensors;
using HpcKit.Core.LinearAlgebra;
using HpcKit.Core.Random;

namespace HpcKit.LightFront.Eigen;

/// <summary>
/// Lanczos with full reorthogonalisation (classical Gram–Schmidt, applied twice) for the lowest eigenpairs of a
/// real symmetric operator given as a matvec. The tridiagonal Ritz problem is solved with Core's dense symmetric
/// eigensolver every few steps; a pair counts as converged when |β_m y_m| ≤ tol·max(1, |θ|).
/// Cost: m matvecs plus O(m²·n) for the reorthogonalisation; memory m·n.
/// </summary>
public static class Lanczos
{
    /// <summary>Lowest <paramref name="count"/> eigenpairs; vectors are unit-norm, one per row.</summary>
    public static LanczosResult Lowest(Action<double[], double[]> apply, int n, int count, double tol = 1e-10,
        int maxIter = 1500, ulong seed = 1)
    {
        if (n < 1) throw new ArgumentOutOfRangeException(nameof(n));
        count = Math.Min(count, n);
        maxIter = Math.Min(maxIter, n);
        var basis = new List<double[]>();
        var alpha = new List<double>();
        var beta = new List<double>();
        var v = new double[n];
        var rng = new RandomStream(seed, 0x1A2C);
        for (int i = 0; i < n; i++) v[i] = 1.0 + 0.5 * (rng.NextDouble() - 0.5);
        Scale(v, 1.0 / Math.Sqrt(TensorPrimitives.Dot(v, v)));
        var w = new double[n];
        double[] theta = [];
        double[] y = [];
        int converged = 0;
        for (int m = 0; m < maxIter; m++)
        {
            basis.Add(v);
            apply(v, w);
            double a = TensorPrimitives.Dot(w, v);
            alpha.Add(a);
            Reorthogonalise(basis, w);
            Reorthogonalise(basis, w);
            double b = Math.Sqrt(TensorPrimitives.Dot(w, w));
            int size = m + 1;
            bool check = size >= count && (size % 10 == 0 || b < 1e-14 || size == maxIter);
            if (check)
            {
                (theta, y) = Ritz(alpha, beta, size, count);
                converged = 0;
                for (int j = 0; j < count; j++)
                    if (Math.Abs(b * y[j * size + size - 1]) <= tol * Math.Max(1, Math.Abs(theta[j]))) converged++;
                if (converged == count || b < 1e-14 || size == maxIter)
                    return Build(basis, theta, y, size, count, n, converged == count || b < 1e-14);
            }
            beta.Add(b);
            var next = new double[n];
            TensorPrimitives.Multiply(w, 1.0 / b, next);
            v = next;
        }
        (theta, y) = Ritz(alpha, beta, basis.Count, count);
        return Build(basis, theta, y, basis.Count, count, n, false);
    }

    private static void Reorthogonalise(List<double[]> basis, double[] w)
    {
        var h = new double[basis.Count];
        Parallel.For(0, basis.Count, j => h[j] = TensorPrimitives.Dot(basis[j], w));
        int n = w.Length;
        int chunks = Math.Max(1, Math.Min(Environment.ProcessorCount * 4, n / 4096));
        Parallel.For(0, chunks, c =>
        {
            int lo = (int)((long)n * c / chunks), hi = (int)((long)n * (c + 1) / chunks);
            var ws = w.AsSpan(lo, hi - lo);
            for (int j = 0; j < basis.Count; j++)
                TensorPrimitives.FusedMultiplyAdd(basis[j].AsSpan(lo, hi - lo), -h[j], ws, ws);
        });
    }

    private static (double[] Theta, double[] Y) Ritz(List<double> alpha, List<double> beta, int m, int count)
    {
        var t = new double[m * m];
        for (int i = 0; i < m; i++)
        {
            t[i * m + i] = alpha[i];
            if (i + 1 < m)
            {
                t[i * m + i + 1] = beta[i];
                t[(i + 1) * m + i] = beta[i];
            }
        }
        var e = SymmetricEigen.Solve(t, m, Math.Min(count, m));
        return (e.Values, e.Vectors);
    }

    private static LanczosResult Build(List<double[]> basis, double[] theta, double[] y, int m, int count, int n, bool ok)
    {
        int k = Math.Min(count, theta.Length);
        var vectors = new double[(long)k * n];
        Parallel.For(0, k, j =>
        {
            var dst = vectors.AsSpan(j * n, n);
            for (int i = 0; i < m; i++) TensorPrimitives.FusedMultiplyAdd(basis[i], y[j * m + i], dst, dst);
            double nrm = Math.Sqrt(TensorPrimitives.Dot(dst, dst));
            TensorPrimitives.Multiply(dst, 1.0 / nrm, dst);
        });
        return new LanczosResult(theta[..k], vectors, n, m, ok);
    }

    private static void Scale(double[] v, double s) => TensorPrimitives.Multiply(v, s, v);
}
