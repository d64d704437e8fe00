using HpcKit.Core.LinearAlgebra;
using HpcKit.LightFront.Basis;

namespace HpcKit.LightFront.Thooft;

/// <summary>
/// Galerkin solution of the heavy-light 't Hooft equation (§3, §6.2) in units of β: basis
/// φ_n(k) = u^γ (1 − u)³ P_n^(4, 2γ)(2u − 1), u = k/(k + s), which carries the end-point exponent γ and the k⁻³ tail.
/// Matrix elements by tanh–sinh quadrature; the Coulomb form (β²/2)∫∫(ψ(k) − ψ(k′))²/(k − k′)² is folded with
/// k′ = tk, t ∈ (0, 1), into β² ∫dk/k ∫dt (ψ(k) − ψ(tk))²/(1 − t)², whose integrand is regular at t = 1.
/// Solved with Core's generalised symmetric-definite eigensolver (LAPACK dsygvd). Eigenvalues are 2Λ̄/β.
/// </summary>
public sealed class ThooftGalerkin
{
    private readonly double[] _coef;

    /// <summary>Builds and solves with <paramref name="size"/> basis functions for quark mass m/β.</summary>
    public ThooftGalerkin(double m, int size, double? gamma = null, double scale = 1.0, double step = 1.0 / 24)
    {
        if (size < 1) throw new ArgumentOutOfRangeException(nameof(size));
        M = m;
        Size = size;
        Gamma = gamma ?? EndpointExponents.Fermion(m);
        Scale = scale;
        var rule = new TanhSinhRule(step, 3.8);
        int nu = rule.X.Length;
        var phi = new double[size];
        var s = new double[size * size];
        var h = new double[size * size];
        var kin = new double[size * size];
        Integral = new double[size];
        var tab = new double[nu * size];
        for (int q = 0; q < nu; q++)
        {
            double u = rule.X[q], om = rule.OneMinusX[q];
            double k = scale * u / om;
            Evaluate(u, om, phi);
            phi.CopyTo(tab.AsSpan(q * size, size));
            double wdk = rule.W[q] * scale / (om * om);
            for (int a = 0; a < size; a++)
            {
                Integral[a] += wdk * phi[a];
                for (int b = 0; b < size; b++)
                {
                    double pp = wdk * phi[a] * phi[b];
                    s[a * size + b] += pp;
                    kin[a * size + b] += pp * k;
                    h[a * size + b] += pp * (k + m * m / k);
                }
            }
        }
        // Coulomb form: rows are (k node, t node) with weight folded in; C = DᵀD by DGEMM.
        int nt = nu;
        var d = new double[(long)nu * nt * size];
        var phiT = new double[size];
        Parallel.For(0, nu, () => new double[size], (q, _, pt) =>
        {
            double u = rule.X[q], om = rule.OneMinusX[q];
            double k = scale * u / om;
            double wk = rule.W[q] / (u * om);
            for (int r = 0; r < nt; r++)
            {
                double t = rule.X[r], omt = rule.OneMinusX[r];
                long row = ((long)q * nt + r) * size;
                // Nodes with 1 − t below 1e-10 carry weight ~1e-10 and a finite integrand; rounding in ψ(k) − ψ(tk)
                // would dominate there, so they are dropped.
                if (omt < 1e-10) { d.AsSpan((int)row, size).Clear(); continue; }
                double kt = t * k;
                double ut = kt / (kt + scale), omu = scale / (kt + scale);
                Evaluate(ut, omu, pt);
                double f = Math.Sqrt(wk * rule.W[r]) / omt;
                for (int a = 0; a < size; a++) d[row + a] = f * (tab[q * size + a] - pt[a]);
            }
            return pt;
        }, _ => { });
        var c = new double[size * size];
        Blas.Dgemm(Transpose.Yes, Transpose.No, size, size, nu * nt, 1.0, d, size, d, size, 0.0, c, size);
        for (int i = 0; i < size * size; i++) h[i] += c[i];
        for (int a = 0; a < size; a++)
            for (int b = 0; b < a; b++)
            {
                double hs = 0.5 * (h[a * size + b] + h[b * size + a]);
                h[a * size + b] = h[b * size + a] = hs;
            }
        Overlap = s;
        Hamiltonian = h;
        Momentum = kin;
        var e = SymmetricEigen.SolveGeneralized(h, s, size);
        Values = e.Values;
        _coef = e.Vectors;
        Backend = e.Backend;
    }

    /// <summary>Quark mass in units of β.</summary>
    public double M { get; }

    /// <summary>Basis size.</summary>
    public int Size { get; }

    /// <summary>End-point exponent built into the basis.</summary>
    public double Gamma { get; }

    /// <summary>Scale s of the map u = k/(k + s).</summary>
    public double Scale { get; }

    /// <summary>Eigenvalues 2Λ̄/β, ascending.</summary>
    public double[] Values { get; }

    /// <summary>Eigensolver backend.</summary>
    public string Backend { get; }

    /// <summary>Overlap matrix S.</summary>
    public double[] Overlap { get; }

    /// <summary>Hamiltonian matrix H.</summary>
    public double[] Hamiltonian { get; }

    /// <summary>Matrix of the momentum k.</summary>
    public double[] Momentum { get; }

    /// <summary>∫φ_n dk.</summary>
    public double[] Integral { get; }

    /// <summary>Expansion coefficients of state j (S-normalised, sign fixed by ∫ψ > 0).</summary>
    public double[] Coefficients(int j)
    {
        var c = _coef.AsSpan(j * Size, Size).ToArray();
        double integral = 0;
        for (int a = 0; a < Size; a++) integral += c[a] * Integral[a];
        if (integral < 0) for (int a = 0; a < Size; a++) c[a] = -c[a];
        return c;
    }

    /// <summary>⟨k⟩ of state j.</summary>
    public double MeanMomentum(int j) => Quadratic(Momentum, Coefficients(j));

    /// <summary>∫ψ_j dk.</summary>
    public double WavefunctionIntegral(int j)
    {
        var c = Coefficients(j);
        double s = 0;
        for (int a = 0; a < Size; a++) s += c[a] * Integral[a];
        return s;
    }

    /// <summary>ψ_j(k).</summary>
    public double Psi(int j, double k)
    {
        var c = Coefficients(j);
        var phi = new double[Size];
        Evaluate(k / (k + Scale), Scale / (k + Scale), phi);
        double s = 0;
        for (int a = 0; a < Size; a++) s += c[a] * phi[a];
        return s;
    }

    private double Quadratic(double[] m, double[] c)
    {
        double s = 0;
        for (int a = 0; a < Size; a++)
            for (int b = 0; b < Size; b++) s += c[a] * m[a * Size + b] * c[b];
        return s;
    }

    private void Evaluate(double u, double om, Span<double> phi)
    {
        JacobiPolynomials.Evaluate(4, 2 * Gamma, u - om, phi);
        double pre = (Gamma == 0 ? 1 : Math.Pow(u, Gamma)) * om * om * om;
        for (int a = 0; a < phi.Length; a++) phi[a] *= pre;
    }
}
