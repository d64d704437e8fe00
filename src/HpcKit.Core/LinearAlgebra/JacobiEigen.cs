namespace HpcKit.Core.LinearAlgebra;

/// <summary>
/// Managed fallback: cyclic Jacobi rotations for a symmetric matrix (O(n³) per sweep, quadratic convergence),
/// and the generalised problem reduced by the Cholesky factor B = L·Lᵀ to C = L⁻¹·A·L⁻ᵀ, x = L⁻ᵀ·y.
/// Accurate to working precision; meant for small n or machines without LAPACK.
/// </summary>
internal static class JacobiEigen
{
    public static EigenDecomposition Symmetric(double[] a, int n, int count)
    {
        var v = new double[n * n];
        for (int i = 0; i < n; i++) v[i * n + i] = 1;
        for (int sweep = 0; sweep < 100; sweep++)
        {
            double off = 0, diag = 0;
            for (int i = 0; i < n; i++)
            {
                diag += a[i * n + i] * a[i * n + i];
                for (int j = i + 1; j < n; j++) off += a[i * n + j] * a[i * n + j];
            }
            if (off <= 1e-30 * Math.Max(diag, double.Epsilon)) break;
            for (int p = 0; p < n; p++)
            {
                for (int q = p + 1; q < n; q++)
                {
                    double apq = a[p * n + q];
                    if (apq == 0) continue;
                    double theta = (a[q * n + q] - a[p * n + p]) / (2 * apq);
                    double t = Math.Sign(theta) / (Math.Abs(theta) + Math.Sqrt(theta * theta + 1));
                    if (theta == 0) t = 1;
                    double c = 1 / Math.Sqrt(t * t + 1), s = t * c;
                    for (int k = 0; k < n; k++)
                    {
                        double akp = a[k * n + p], akq = a[k * n + q];
                        a[k * n + p] = c * akp - s * akq;
                        a[k * n + q] = s * akp + c * akq;
                    }
                    for (int k = 0; k < n; k++)
                    {
                        double apk = a[p * n + k], aqk = a[q * n + k];
                        a[p * n + k] = c * apk - s * aqk;
                        a[q * n + k] = s * apk + c * aqk;
                    }
                    for (int k = 0; k < n; k++)
                    {
                        double vkp = v[k * n + p], vkq = v[k * n + q];
                        v[k * n + p] = c * vkp - s * vkq;
                        v[k * n + q] = s * vkp + c * vkq;
                    }
                }
            }
        }
        var order = Enumerable.Range(0, n).OrderBy(i => a[i * n + i]).ToArray();
        var values = new double[count];
        var vectors = new double[count * n];
        for (int j = 0; j < count; j++)
        {
            values[j] = a[order[j] * n + order[j]];
            for (int k = 0; k < n; k++) vectors[j * n + k] = v[k * n + order[j]];
        }
        return new EigenDecomposition(n, values, vectors, "managed Jacobi");
    }

    public static EigenDecomposition Generalized(double[] a, double[] b, int n)
    {
        // Cholesky B = L Lᵀ (lower, in place).
        for (int j = 0; j < n; j++)
        {
            double d = b[j * n + j];
            for (int k = 0; k < j; k++) d -= b[j * n + k] * b[j * n + k];
            if (d <= 0) throw new HpcKitDataException($"generalised eigenproblem: B is not positive definite (leading minor {j + 1})");
            d = Math.Sqrt(d);
            b[j * n + j] = d;
            for (int i = j + 1; i < n; i++)
            {
                double s = b[i * n + j];
                for (int k = 0; k < j; k++) s -= b[i * n + k] * b[j * n + k];
                b[i * n + j] = s / d;
            }
        }
        // C = L⁻¹ A L⁻ᵀ: solve L X = A, then C = L⁻¹ Xᵀ (A symmetric).
        var x = (double[])a.Clone();
        ForwardColumns(b, x, n);
        var xt = new double[n * n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) xt[i * n + j] = x[j * n + i];
        ForwardColumns(b, xt, n);
        for (int i = 0; i < n; i++) for (int j = i + 1; j < n; j++) xt[i * n + j] = xt[j * n + i] = 0.5 * (xt[i * n + j] + xt[j * n + i]);
        var e = Symmetric(xt, n, n);
        var vec = e.Vectors;
        // x = L⁻ᵀ y for each eigenvector (row of vec).
        for (int r = 0; r < n; r++)
        {
            var y = vec.AsSpan(r * n, n);
            for (int i = n - 1; i >= 0; i--)
            {
                double s = y[i];
                for (int k = i + 1; k < n; k++) s -= b[k * n + i] * y[k];
                y[i] = s / b[i * n + i];
            }
        }
        return new EigenDecomposition(n, e.Values, vec, "managed Jacobi (Cholesky-reduced)");
    }

    /// <summary>Solves L·X = M column by column (L lower-triangular in b, M overwritten by X).</summary>
    private static void ForwardColumns(double[] l, double[] m, int n)
    {
        for (int c = 0; c < n; c++)
        {
            for (int i = 0; i < n; i++)
            {
                double s = m[i * n + c];
                for (int k = 0; k < i; k++) s -= l[i * n + k] * m[k * n + c];
                m[i * n + c] = s / l[i * n + i];
            }
        }
    }
}
