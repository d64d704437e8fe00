using HpcKit.LightFront.Basis;
using HpcKit.LightFront.Eigen;
using HpcKit.LightFront.Hamiltonian;
using HpcKit.LightFront.Model;
using HpcKit.LightFront.Thooft;

namespace HpcKit.LightFront.Tests;

public class KernelAndConvergenceTests
{
    [Theory]
    [InlineData(-0.4)]
    [InlineData(-0.2)]
    [InlineData(0.1)]
    [InlineData(0.3)]
    [InlineData(0.45)]
    public void CoulombFormsOnPowerFunctionsReproduceEndpointSymbols(double s)
    {
        // (Cψ)(k) for ψ = k^s is β² k^{s−1} f(s), with f(s) = −∫₀¹ W(t)(t^s + t^{−s} − 2)/(1 − t)² dt after folding t → 1/t.
        var rule = new TanhSinhRule(1.0 / 32, 6.5); // wide range: the boson integrand ~ t^{-1/2-|s|} at t → 0
        double ff = 0, fb = 0;
        for (int i = 0; i < rule.X.Length; i++)
        {
            double t = rule.X[i], om = rule.OneMinusX[i];
            if (om < 1e-9) continue; // integrand finite there, weight negligible; avoids 0/0 at t = 1
            double g = (Math.Pow(t, s) + Math.Pow(t, -s) - 2) / (om * om);
            ff -= rule.W[i] * g;
            fb -= rule.W[i] * g * CoulombKernels.BosonWeight(1, t);
        }
        // Relative 1e-6: cancellation in t^s + t^-s - 2 near t = 1 limits the quadrature to ~1e-8 absolute.
        double ef = EndpointExponents.FermionSymbol(s) - 1, eb = -Math.PI * s * Math.Tan(Math.PI * s);
        Assert.True(Math.Abs(ff - ef) <= 1e-6 * Math.Abs(ef), $"fermion {ff} vs {ef}");
        Assert.True(Math.Abs(fb - eb) <= 1e-6 * Math.Abs(eb), $"boson {fb} vs {eb}");
    }

    [Fact]
    public void BosonEdgeExponentSolvesItsEquation()
    {
        double g = EndpointExponents.Boson(0.8);
        Assert.Equal(0.64, 2 * Math.PI * g * Math.Tan(Math.PI * g), 10);
        Assert.InRange(g, 0, 0.5);
    }

    [Fact]
    public void SeagullPrescriptionTamesTheEndpointDivergence()
    {
        // Spec §10.10: with κ ≠ 0, prescription N (seagull 0) lowers the ground state at every halving of Δ, by growing
        // amounts; under S (seagull 1) the increments shrink.
        double[] Seq(double sg)
        {
            var p = new LightFrontParameters("x", "", 1, 0.5, 1, 0.5, 2, 0.1, 0.1, sg);
            return [.. new[] { 24, 48, 96 }.Select(nk =>
            {
                var h = FemtowormHamiltonian.Create(p, nk, 10, Sector.Half);
                return Lanczos.Lowest(h.Apply, h.Dimension, 1, 1e-10).Values[0];
            })];
        }
        var n = Seq(0);
        Assert.True(n[1] < n[0] && n[2] < n[1] && n[1] - n[2] > n[0] - n[1]);
        var s = Seq(1);
        Assert.True(Math.Abs(s[2] - s[1]) < Math.Abs(s[1] - s[0]));
    }

    [Fact]
    public void LanczosMatchesDenseSolverOnTheSectorMatrix()
    {
        var p = new LightFrontParameters("x", "", 1, 0.5, 1, 0.5, 2, 0.1, 0.1);
        var h = FemtowormHamiltonian.Create(p, 16, 10, Sector.Half);
        var dense = Core.LinearAlgebra.SymmetricEigen.Solve(h.AssembleDense(), h.Dimension, 3).Values;
        var lz = Lanczos.Lowest(h.Apply, h.Dimension, 3, 1e-11).Values;
        for (int j = 0; j < 3; j++) Assert.Equal(dense[j], lz[j], 8);
    }

    [Fact]
    public void DlcqExtrapolationIsStableWhenTheCoarsestResolutionIsDropped()
    {
        int[] nks = [100, 141, 200, 283, 400, 566];
        var h = nks.Select(n => 20.0 / n).ToArray();
        var e = nks.Select(n => new ThooftGrid(1.0, n, 20, 1).Values[0]).ToArray();
        var all = PowerLawExtrapolation.Fit(h, e);
        var dropped = PowerLawExtrapolation.Fit(h[1..], e[1..]);
        Assert.True(Math.Abs(all.Value - dropped.Value) <= all.Uncertainty + dropped.Uncertainty + 1e-4);
        Assert.InRange(all.Exponent, 0.6, 1.6); // edge γ = ½ limits p near 2γ = 1
    }

    [Fact]
    public void ProjectedGalerkinLevelsDoNotIncreaseAlongNestedBasesAndBoundTheGrid()
    {
        var p = new LightFrontParameters("x", "", 1, 0.5, 1, 0.5, 2, 0.1, 0.1);
        var h = FemtowormHamiltonian.Create(p, 24, 10, Sector.Half);
        double grid = Lanczos.Lowest(h.Apply, h.Dimension, 1, 1e-11).Values[0];
        double prev = double.MaxValue;
        foreach (var (a, b, c) in new[] { (3, 2, 2), (5, 3, 3), (7, 4, 4) })
        {
            double e = GalerkinProjection.Solve(h, a, b, c).Values[0];
            Assert.True(e <= prev + 1e-10 && e >= grid - 1e-10);
            prev = e;
        }
    }

    [Fact]
    public void VirialResidualWithHopsShrinksWithResolution()
    {
        var p = new LightFrontParameters("x", "", 1, 0.5, 1, 0.5, 2, 0.05, 0.05);
        double prev = double.MaxValue;
        foreach (int nk in new[] { 48, 96, 192 })
        {
            var r = Solver.HeavyLightSolver.SolveDlcq(p, nk, 10, 1);
            double v = Math.Abs(r.Ground.VirialResidual);
            Assert.True(v < prev, $"|<k> - Λ̄| = {v} at N_K = {nk}");
            prev = v;
        }
    }
}

public class ThreeBodyGalerkinTests
{
    [Fact]
    public void ContinuumGalerkinOfH3IsMonotoneAndAgreesWithDlcq()
    {
        // Independent continuum Galerkin of the j = 3/2 operator (μ = β, m_V = β/2) against the DLCQ sequence.
        // The DLCQ boson gap term converges like √Δ and competes with the edge error, so its single-power extrapolation
        // understates its error; the stated tolerance is 0.5 % (measured difference ≈ 0.3 %).
        var g7 = new ThreeBodyGalerkin(1.0, 0.5, 7, 7).Values[0];
        var g9 = new ThreeBodyGalerkin(1.0, 0.5, 9, 9).Values[0];
        Assert.True(g9 <= g7 + 1e-10);
        var p = new LightFrontParameters("x", "", 1, 0.5, 1.0, 0.5, 2, 0, 0);
        int[] nks = [24, 34, 48, 68, 96, 136];
        var h = new double[nks.Length];
        var e = new double[nks.Length];
        for (int i = 0; i < nks.Length; i++)
        {
            var op = FemtowormHamiltonian.Create(p, nks[i], 10, Sector.ThreeHalves);
            h[i] = op.Grid.Delta;
            e[i] = Lanczos.Lowest(op.Apply, op.Dimension, 1, 1e-10).Values[0];
        }
        var ext = PowerLawExtrapolation.Fit(h, e);
        Assert.True(Math.Abs(ext.Value - g9) <= 0.005 * g9, $"DLCQ {ext.Value} ± {ext.Uncertainty} vs Galerkin {g9}");
    }
}
