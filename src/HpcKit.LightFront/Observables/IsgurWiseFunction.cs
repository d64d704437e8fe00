using HpcKit.LightFront.Basis;

namespace HpcKit.LightFront.Observables;

/// <summary>
/// The Isgur–Wise function by longitudinal boost (§7): O(λ) = λ^{−½}∫ψ₀(k/λ)ψ₀(k)dk + λ^{−1}Σ_X∫∫ψ_X(k/λ)ψ_X(k),
/// ξ(w) = √(2/(1 + w))·O(λ)/O(1), λ = w + √(w² − 1). The grid state is continued by an interpolant that respects
/// the edges (ψ₀ ∝ k^γ below the first cell, ψ_X ∝ k₁^½ below the first link cell, constant in k₂ below the first
/// antiquark cell; linear elsewhere). Integrals run over t = ln K on a lattice whose step divides ln λ, so the
/// discrete sums for λ and 1/λ are the same sums re-indexed and ξ(λ) = ξ(1/λ) holds to round-off.
/// </summary>
public sealed class IsgurWiseFunction
{
    private readonly GridState _s;
    private readonly TanhSinhRule _z = new(1.0 / 10, 3.2);
    private readonly double _o1;

    /// <summary>Prepares the overlap of <paramref name="state"/>.</summary>
    public IsgurWiseFunction(GridState state)
    {
        _s = state;
        _o1 = Overlap(1.0);
    }

    /// <summary>w = (λ + 1/λ)/2 → λ ≥ 1.</summary>
    public static double LambdaOf(double w) => w + Math.Sqrt(Math.Max(0, w * w - 1));

    /// <summary>ξ(w) with the heavy-quark prefactor.</summary>
    public double Xi(double w) => Math.Sqrt(2 / (1 + w)) * OverlapNormalised(LambdaOf(w));

    /// <summary>ξ at boost λ (any λ > 0), w = (λ + 1/λ)/2.</summary>
    public double XiAtLambda(double lambda) => Math.Sqrt(2 / (1 + 0.5 * (lambda + 1 / lambda))) * OverlapNormalised(lambda);

    /// <summary>O(λ)/O(1): the bare overlap, 1 at λ = 1.</summary>
    public double OverlapNormalised(double lambda) => Overlap(lambda) / _o1;

    /// <summary>ρ² from the curvature of ξ at w = 1 (Richardson on (1 − ξ(1 + ε))/ε, ε = 10⁻⁴, 2·10⁻⁴).</summary>
    public double RhoSquaredFromCurvature()
    {
        const double e = 1e-4;
        double s1 = (1 - Xi(1 + e)) / e, s2 = (1 - Xi(1 + 2 * e)) / (2 * e);
        return 2 * s1 - s2;
    }

    /// <summary>The unnormalised overlap O(λ) of the interpolant.</summary>
    public double Overlap(double lambda)
    {
        var g = _s.Grid;
        double ell = Math.Log(lambda);
        double h0 = 0.004;
        double h = Math.Abs(ell) < 1e-300 ? h0 : Math.Abs(ell) / Math.Ceiling(Math.Abs(ell) / h0);
        double tLo = Math.Log(g.Delta * 1e-14) - Math.Abs(ell), tHi = Math.Log(g.PMax) + Math.Abs(ell);
        int jLo = (int)Math.Floor(tLo / h), jHi = (int)Math.Ceiling(tHi / h);
        double two = 0;
        for (int j = jLo; j <= jHi; j++)
        {
            double k = Math.Exp(j * h);
            double p = Psi0(k);
            if (p != 0) two += k * Psi0(k / lambda) * p;
        }
        two *= h / Math.Sqrt(lambda);
        double three = 0;
        int nz = _z.X.Length;
        var part = new double[nz];
        Parallel.For(0, nz, q =>
        {
            double z = _z.X[q], zc = _z.OneMinusX[q], acc = 0;
            for (int j = jLo; j <= jHi; j++)
            {
                double kk = Math.Exp(j * h);
                for (int c = 0; c < 2; c++)
                {
                    double f = Psi3(c, kk * z, kk * zc);
                    if (f != 0) acc += kk * kk * f * Psi3(c, kk * z / lambda, kk * zc / lambda);
                }
            }
            part[q] = _z.W[q] * acc;
        });
        foreach (double x in part) three += x;
        three *= h / lambda;
        return two + three;
    }

    private double Psi0(double k)
    {
        var g = _s.Grid;
        double x = k / g.Delta - 0.5;
        if (x < 0) return _s.Psi0(0) * Math.Pow(k / g.K(0), _s.GammaEdge);
        int i = (int)x;
        if (i >= g.NK - 1)
        {
            if (k >= g.PMax) return 0;
            return _s.Psi0(g.NK - 1) * (g.PMax - k) / (g.PMax - g.K(g.NK - 1));
        }
        double f = x - i;
        return (1 - f) * _s.Psi0(i) + f * _s.Psi0(i + 1);
    }

    private double Psi3(int c, double k1, double k2)
    {
        var g = _s.Grid;
        if (k1 + k2 >= g.PMax) return 0;
        double x = k1 / g.Delta, y = Math.Max(0, k2 / g.Delta - 0.5);
        if (x < 1) return Psi3(c, g.Delta, k2) * Math.Sqrt(x);
        int a = (int)x, b = (int)y;
        double fx = x - a, fy = y - b;
        return (1 - fx) * ((1 - fy) * _s.Psi3(c, a, b) + fy * _s.Psi3(c, a, b + 1))
             + fx * ((1 - fy) * _s.Psi3(c, a + 1, b) + fy * _s.Psi3(c, a + 1, b + 1));
    }
}
