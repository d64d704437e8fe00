using HpcKit.Core.LinearAlgebra;
using HpcKit.LightFront.Hamiltonian;

namespace HpcKit.LightFront.Basis;

/// <summary>
/// Continuum Galerkin solution of the j_z = 3/2 operator H₃ (units of β), independent of the DLCQ assembly: product
/// basis f_p(k₁)g_q(k₂) with f_p = u^γ_b(1 − u)³P_p^(4, 2γ_b)(2u − 1), g_q = u^γ₃(1 − u)³P_q^(4, 2γ₃)(2u − 1), u = k/(k + 1).
/// Kinetic terms and C_QM (boson form in k₁ over (0, ∞)) are separable; C_Mq̄ (boson form in k₁ over (0, K) at fixed K)
/// is integrated in (K, z = k₁/K, t) after folding k₁′ = t k₁, which makes the integrand regular at t = 1.
/// Tanh–sinh quadrature throughout; Hc = λSc by dsygvd. Eigenvalues are 2Λ̄/β of the 3/2 sector.
/// </summary>
public sealed class ThreeBodyGalerkin
{
    /// <summary>Builds and solves with n1 link and n2 antiquark functions for link mass μ and vertex mass m_V (units of β).</summary>
    public ThreeBodyGalerkin(double mu, double mv, int n1, int n2, double step = 1.0 / 12)
    {
        if (n1 < 1 || n2 < 1) throw new ArgumentOutOfRangeException(nameof(n1));
        N1 = n1;
        N2 = n2;
        GammaB = EndpointExponents.Boson(mu);
        Gamma3 = EndpointExponents.Fermion(mv);
        var rule = new TanhSinhRule(step, 3.6);
        int nr = rule.X.Length, nb = n1 * n2;
        // 1-D matrices: overlap, kinetic, and the boson form over (0, ∞) for the link functions.
        var sf = new double[n1 * n1];
        var tf = new double[n1 * n1];
        var sg = new double[n2 * n2];
        var tg = new double[n2 * n2];
        var pf = new double[n1];
        var pg = new double[n2];
        for (int q = 0; q < nr; q++)
        {
            double u = rule.X[q], om = rule.OneMinusX[q], k = u / om, w = rule.W[q] / (om * om);
            F(u, om, pf);
            G(u, om, pg);
            for (int a = 0; a < n1; a++)
                for (int b = 0; b < n1; b++) { sf[a * n1 + b] += w * pf[a] * pf[b]; tf[a * n1 + b] += w * pf[a] * pf[b] * (k + mu * mu / k); }
            for (int a = 0; a < n2; a++)
                for (int b = 0; b < n2; b++) { sg[a * n2 + b] += w * pg[a] * pg[b]; tg[a * n2 + b] += w * pg[a] * pg[b] * (k + mv * mv / k); }
        }
        var cqm = new double[n1 * n1];
        var f1 = new double[n1];
        var f2 = new double[n1];
        for (int q = 0; q < nr; q++)
        {
            double u = rule.X[q], om = rule.OneMinusX[q], k = u / om, wk = rule.W[q] / (u * om);
            for (int r = 0; r < nr; r++)
            {
                double t = rule.X[r], omt = rule.OneMinusX[r];
                if (omt < 1e-10) continue;
                double kt = t * k;
                F(k / (k + 1), 1 / (k + 1), f1);
                F(kt / (kt + 1), 1 / (kt + 1), f2);
                double w = wk * rule.W[r] * CoulombKernels.BosonWeight(1, t) / (omt * omt);
                for (int a = 0; a < n1; a++)
                    for (int b = 0; b < n1; b++) cqm[a * n1 + b] += w * (f1[a] - f2[a]) * (f1[b] - f2[b]);
            }
        }
        var h = new double[nb * nb];
        var s = new double[nb * nb];
        for (int a = 0; a < n1; a++)
            for (int c = 0; c < n2; c++)
                for (int b = 0; b < n1; b++)
                    for (int d = 0; d < n2; d++)
                    {
                        int i = a * n2 + c, j = b * n2 + d;
                        s[i * nb + j] = sf[a * n1 + b] * sg[c * n2 + d];
                        h[i * nb + j] = tf[a * n1 + b] * sg[c * n2 + d] + sf[a * n1 + b] * tg[c * n2 + d] + cqm[a * n1 + b] * sg[c * n2 + d];
                    }
        // C_Mq̄ = β² ∫dK ∫dz/z ∫dt W(1, t) (χ(Kz, K(1 − z)) − χ(Ktz, K(1 − tz)))² / (1 − t)², accumulated per K node.
        var parts = new double[nr][];
        Parallel.For(0, nr, qk =>
        {
            double uk = rule.X[qk], omk = rule.OneMinusX[qk], kk = uk / omk, wK = rule.W[qk] / (omk * omk);
            var rows = new double[nr * nr * nb];
            var a1 = new double[n1]; var a2 = new double[n2]; var b1 = new double[n1]; var b2 = new double[n2];
            for (int qz = 0; qz < nr; qz++)
            {
                double z = rule.X[qz], omz = rule.OneMinusX[qz];
                double k1 = kk * z, k2 = kk * omz;
                F(k1 / (k1 + 1), 1 / (k1 + 1), a1);
                G(k2 / (k2 + 1), 1 / (k2 + 1), a2);
                for (int qt = 0; qt < nr; qt++)
                {
                    double t = rule.X[qt], omt = rule.OneMinusX[qt];
                    int row = (qz * nr + qt) * nb;
                    if (omt < 1e-10) continue;
                    double k1t = kk * t * z, k2t = kk * (omz + z * omt);
                    F(k1t / (k1t + 1), 1 / (k1t + 1), b1);
                    G(k2t / (k2t + 1), 1 / (k2t + 1), b2);
                    double wt = Math.Sqrt(wK * rule.W[qz] * rule.W[qt] * CoulombKernels.BosonWeight(1, t) / z) / omt;
                    for (int a = 0; a < n1; a++)
                        for (int c = 0; c < n2; c++) rows[row + a * n2 + c] = wt * (a1[a] * a2[c] - b1[a] * b2[c]);
                }
            }
            var acc = new double[nb * nb];
            Blas.Managed.Dgemm(Transpose.Yes, Transpose.No, nb, nb, nr * nr, 1.0, rows, nb, rows, nb, 0.0, acc, nb);
            parts[qk] = acc;
        });
        foreach (var part in parts)
            for (int i = 0; i < nb * nb; i++) h[i] += part[i];
        for (int i = 0; i < nb; i++)
            for (int j = 0; j < i; j++) { double m = 0.5 * (h[i * nb + j] + h[j * nb + i]); h[i * nb + j] = h[j * nb + i] = m; }
        var e = SymmetricEigen.SolveGeneralized(h, s, nb);
        Values = e.Values;
    }

    /// <summary>Link basis size.</summary>
    public int N1 { get; }

    /// <summary>Antiquark basis size.</summary>
    public int N2 { get; }

    /// <summary>Link-edge exponent γ_b built into f.</summary>
    public double GammaB { get; }

    /// <summary>Antiquark-edge exponent γ₃ built into g.</summary>
    public double Gamma3 { get; }

    /// <summary>Eigenvalues 2Λ̄/β, ascending.</summary>
    public double[] Values { get; }

    private void F(double u, double om, Span<double> p) => Basis(GammaB, u, om, p);

    private void G(double u, double om, Span<double> p) => Basis(Gamma3, u, om, p);

    private static void Basis(double g, double u, double om, Span<double> p)
    {
        JacobiPolynomials.Evaluate(4, 2 * g, u - om, p);
        double pre = (g == 0 ? 1 : Math.Pow(u, g)) * om * om * om;
        for (int i = 0; i < p.Length; i++) p[i] *= pre;
    }
}
