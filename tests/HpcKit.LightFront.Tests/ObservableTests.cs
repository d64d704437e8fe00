using HpcKit.LightFront.Basis;
using HpcKit.LightFront.Hamiltonian;
using HpcKit.LightFront.Model;
using HpcKit.LightFront.Observables;
using HpcKit.LightFront.Solver;

namespace HpcKit.LightFront.Tests;

public class ObservableTests
{
    private static readonly LightFrontParameters Set = new("ill", "", 0.5, 0.25, 0.5, 0.25, 2.5, 0.02, 0.02);
    private static readonly Lazy<ResolutionPoint> Point = new(() => HeavyLightSolver.SolveDlcq(Set, 24, 20));

    [Fact]
    public void IsgurWiseIsOneAtZeroRecoilAndSymmetricUnderInverseBoost()
    {
        var xi = new IsgurWiseFunction(Point.Value.Ground);
        Assert.Equal(1.0, xi.Xi(1.0), 14);
        foreach (double lam in new[] { 1.3, 2.0, 3.1 })
        {
            Assert.Equal(xi.XiAtLambda(lam), xi.XiAtLambda(1 / lam), 12);
            Assert.True(xi.XiAtLambda(lam) < 1);
        }
        Assert.Equal(1.0, Point.Value.Ground.XiTransverse(1.0, Set.A * Set.Beta), 12);
    }

    [Fact]
    public void DensitiesAndLcdaAreNormalised()
    {
        var s = Point.Value.Ground;
        var (nl, nq, nm) = s.Densities();
        double d = s.Grid.Delta, n = 0, first = 0, xq = 0, xm = 0, lcda = 0;
        for (int i = 0; i < nl.Length; i++)
        {
            n += nl[i] * d;
            first += s.Grid.K(i) * nl[i] * d;
            xq += s.Grid.K(i) * nq[i] * d;
            lcda += s.Psi0(i) / s.PsiIntegral * d;
        }
        for (int a = 1; a <= nm.Length; a++) xm += s.Grid.Link(a) * nm[a - 1] * d;
        Assert.Equal(1.0, n, 12);
        Assert.Equal(s.MeanMomentum, first, 12);
        Assert.Equal(s.MeanMomentum, xq + xm, 12); // ⟨x⟩_Q + ⟨x⟩_q̄ + ⟨x⟩_M = 1 times M_B
        Assert.Equal(1.0, lcda, 12);
        // PDF: ∫f_Q dx over x ∈ (0,1) equals ∫ n_L dy over y < M_B.
        var pdf = HeavyQuarkPdf.FromState(s, Set.Beta);
        double tail = 0;
        for (int i = 0; i < nl.Length; i++) if (s.Grid.K(i) * Set.Beta > PhysicalConstants.MB) tail += nl[i] * d;
        Assert.Equal(1.0 - tail, pdf.Normalisation, 10);
    }

    [Fact]
    public void DecayConstantPrefactorOnAnalyticTrialFunction()
    {
        // ψ₀ = √2 e^{−k}: ∫|ψ₀|² = 1 and ∫ψ₀ = √2, so f_B√M_B = √(6/π)·√2·√β / a.
        var grid = new DlcqGrid(4000, 40);
        var v = new double[grid.NK + 2 * grid.N3];
        for (int i = 0; i < grid.NK; i++) v[i] = Math.Sqrt(grid.Delta) * Math.Sqrt(2) * Math.Exp(-grid.K(i));
        var s = new GridState(grid, Sector.Half, v, 1.0, 0);
        var p = new LightFrontParameters("t", "", 0.8, 0, 1, 0, 3.0, 0, 0);
        var o = HeavyLightSolver.Derive(p, s, [1.0], []);
        Assert.Equal(Math.Sqrt(6 / Math.PI) * Math.Sqrt(2) * Math.Sqrt(0.8) / 3.0, o.FbSqrtMb, 5); // midpoint rule, Δ = 0.01
    }

    [Fact]
    public void RhoSquaredFromNormsAgreesWithCurvatureAndObeysBjorken()
    {
        var o = Point.Value.Observables;
        Assert.True(o.Rho2 >= 0.25);
        Assert.True(Math.Abs(o.Rho2 - o.Rho2Curvature) < 0.15, $"{o.Rho2} vs {o.Rho2Curvature}");
    }
}
