namespace HpcKit.LightFront.Basis;

/// <summary>Jacobi polynomials P_n^(α,β)(x) by the three-term recurrence; all orders 0..n−1 at once.</summary>
public static class JacobiPolynomials
{
    /// <summary>Writes P_0..P_{n−1} at x into <paramref name="p"/>.</summary>
    public static void Evaluate(double alpha, double beta, double x, Span<double> p)
    {
        int n = p.Length;
        if (n == 0) return;
        p[0] = 1;
        if (n == 1) return;
        p[1] = 0.5 * (alpha - beta + (alpha + beta + 2) * x);
        for (int k = 2; k < n; k++)
        {
            double s = 2 * k + alpha + beta;
            double a1 = 2 * k * (k + alpha + beta) * (s - 2);
            double a2 = (s - 1) * (alpha * alpha - beta * beta);
            double a3 = (s - 2) * (s - 1) * s;
            double a4 = 2 * (k + alpha - 1) * (k + beta - 1) * s;
            p[k] = ((a2 + a3 * x) * p[k - 1] - a4 * p[k - 2]) / a1;
        }
    }
}
