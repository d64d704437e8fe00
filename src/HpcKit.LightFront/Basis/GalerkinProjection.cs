using HpcKit.Core.LinearAlgebra;
using HpcKit.LightFront.Hamiltonian;

namespace HpcKit.LightFront.Basis;

/// <summary>
/// Dense Galerkin (Rayleigh–Ritz) discretisation of the femtoworm operator: smooth edge-exponent functions
/// (2-body u^γ₀(1 − u)³P_n^(4,2γ₀), 3-body products u₁^α(1 − u₁)³P_p · u₂^β(1 − u₂)³P_q with u = k/(k + β)) are
/// tabulated on a fine DLCQ grid, and H_b = BᵀHB, S_b = BᵀB are formed with the same matrix-element code as the
/// sparse solver; Hc = λSc is solved by LAPACK dsygvd. Eigenvalues are upper bounds to those of the fine grid
/// operator and do not increase along nested bases. Cost: N_b matvecs plus O(N_b³).
/// </summary>
public static class GalerkinProjection
{
    /// <summary>Lowest eigenpairs in a basis of n0 2-body and n1×n2 3-body functions per channel.</summary>
    public static GalerkinResult Solve(FemtowormHamiltonian h, int n0, int n1, int n2)
    {
        var grid = h.Grid;
        var c = h.Terms.Couplings;
        int nk = grid.NK, n3 = grid.N3, dim = h.Dimension;
        bool half = h.Sector == Sector.Half;
        double g0 = EndpointExponents.Fermion(c.M);
        double alpha = half ? 0.5 : EndpointExponents.Boson(c.Mu);
        double beta2 = half ? 0.0 : EndpointExponents.Fermion(c.MV);
        var cols = new List<double[]>();
        if (half)
            for (int n = 0; n < n0; n++)
            {
                var v = new double[dim];
                var p = new double[n + 1];
                for (int i = 0; i < nk; i++)
                {
                    double k = grid.K(i), u = k / (k + 1), om = 1 / (k + 1);
                    JacobiPolynomials.Evaluate(4, 2 * g0, u - om, p);
                    v[i] = Math.Sqrt(grid.Delta) * Math.Pow(u, g0) * om * om * om * p[n];
                }
                cols.Add(v);
            }
        int channels = half ? 2 : 1;
        int o3 = half ? nk : 0;
        var pp = new double[Math.Max(n1, 1)];
        var pq = new double[Math.Max(n2, 1)];
        for (int ch = 0; ch < channels; ch++)
            for (int p1 = 0; p1 < n1; p1++)
                for (int q = 0; q < n2; q++)
                {
                    var v = new double[dim];
                    for (int i = 1; i < nk; i++)
                        for (int a = 1; a <= i; a++)
                        {
                            double k1 = grid.Link(a), k2 = grid.K(i - a);
                            double u1 = k1 / (k1 + 1), o1 = 1 / (k1 + 1), u2 = k2 / (k2 + 1), o2 = 1 / (k2 + 1);
                            JacobiPolynomials.Evaluate(0, 0, u1 - o1, pp.AsSpan(0, p1 + 1));
                            JacobiPolynomials.Evaluate(0, 0, u2 - o2, pq.AsSpan(0, q + 1));
                            v[o3 + ch * n3 + DlcqGrid.Offset(i) + a - 1] = grid.Delta * Math.Pow(u1, alpha) * o1 * o1 * o1 * pp[p1]
                                * Math.Pow(u2, beta2) * o2 * o2 * o2 * pq[q];
                        }
                    cols.Add(v);
                }
        int nb = cols.Count;
        var hb = new double[nb * nb];
        var sb = new double[nb * nb];
        var hv = new double[dim];
        for (int j = 0; j < nb; j++)
        {
            h.Apply(cols[j], hv);
            for (int i = 0; i < nb; i++)
            {
                hb[i * nb + j] = System.Numerics.Tensors.TensorPrimitives.Dot(cols[i], hv);
                sb[i * nb + j] = System.Numerics.Tensors.TensorPrimitives.Dot(cols[i], cols[j]);
            }
        }
        for (int i = 0; i < nb; i++)
            for (int j = 0; j < i; j++)
            {
                double a = 0.5 * (hb[i * nb + j] + hb[j * nb + i]);
                hb[i * nb + j] = hb[j * nb + i] = a;
            }
        var (values, coef, backend) = SolveDropping(hb, sb, nb);
        return new GalerkinResult(values, coef, cols, dim, backend);
    }

    /// <summary>
    /// Hc = λSc: dsygvd when S is well conditioned; otherwise the near-dependent directions of S (eigenvalues below
    /// 1e-10 of the largest) are dropped by canonical orthogonalisation and the reduced problem goes to dsyevr.
    /// Coefficient rows are S-orthonormal and have length nb in both cases.
    /// </summary>
    public static (double[] Values, double[] Coefficients, string Backend) SolveDropping(double[] h, double[] s, int nb)
    {
        var se = SymmetricEigen.Solve(s, nb);
        double max = se.Values[^1];
        int drop = 0;
        while (drop < nb && se.Values[drop] <= 1e-10 * max) drop++;
        if (drop == 0)
        {
            var e = SymmetricEigen.SolveGeneralized(h, s, nb);
            return (e.Values, e.Vectors, e.Backend);
        }
        int keep = nb - drop;
        var x = new double[nb * keep]; // columns: kept eigenvectors / sqrt(λ)
        for (int j = 0; j < keep; j++)
        {
            double f = 1 / Math.Sqrt(se.Values[drop + j]);
            var v = se.Vector(drop + j);
            for (int i = 0; i < nb; i++) x[i * keep + j] = v[i] * f;
        }
        var hx = new double[nb * keep];
        Blas.Dgemm(Transpose.No, Transpose.No, nb, keep, nb, 1.0, h, nb, x, keep, 0.0, hx, keep);
        var hr = new double[keep * keep];
        Blas.Dgemm(Transpose.Yes, Transpose.No, keep, keep, nb, 1.0, x, keep, hx, keep, 0.0, hr, keep);
        for (int i = 0; i < keep; i++)
            for (int j = 0; j < i; j++) { double m = 0.5 * (hr[i * keep + j] + hr[j * keep + i]); hr[i * keep + j] = hr[j * keep + i] = m; }
        var r = SymmetricEigen.Solve(hr, keep);
        var coef = new double[keep * nb];
        for (int k = 0; k < keep; k++)
            for (int i = 0; i < nb; i++)
            {
                double acc = 0;
                for (int j = 0; j < keep; j++) acc += x[i * keep + j] * r.Vectors[k * keep + j];
                coef[k * nb + i] = acc;
            }
        return (r.Values, coef, $"{r.Backend} after dropping {drop} near-dependent direction(s)");
    }
}
