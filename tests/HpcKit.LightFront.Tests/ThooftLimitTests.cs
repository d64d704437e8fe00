using HpcKit.LightFront.Basis;
using HpcKit.LightFront.Eigen;
using HpcKit.LightFront.Hamiltonian;
using HpcKit.LightFront.Model;
using HpcKit.LightFront.Thooft;

namespace HpcKit.LightFront.Tests;

public class ThooftLimitTests
{
    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    [InlineData(1.0)]
    [InlineData(2.0)]
    public void GridSolutionReproducesEndpointExponent(double m)
    {
        // Fit ln ψ = γ ln k + c + d k over k ∈ [0.02, 0.2]β at Δ = 0.005β; the uniform grid resolves the k^γ edge
        // only to O(Δ^{2γ}), so the stated tolerance is 0.06.
        var grid = new ThooftGrid(m, 1600, 8, 1);
        double gamma = EndpointExponents.Fermion(m);
        Assert.InRange(grid.EdgeExponent(0, 0.02, 0.2), gamma - 0.06, gamma + 0.06);
    }

    [Fact]
    public void EndpointExponentEquationHasKnownRoots()
    {
        Assert.Equal(0.0, EndpointExponents.Fermion(0), 12);
        Assert.Equal(0.5, EndpointExponents.Fermion(1), 12);
        double g = EndpointExponents.Fermion(0.7);
        Assert.Equal(1 - 0.49, Math.PI * g / Math.Tan(Math.PI * g), 10);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    public void VirialIdentityHoldsForGalerkinStates(double m)
    {
        // Stated tolerance (units of β) at N_b = 24: 1e-6 for the ground state, 2e-4 for the first excitation.
        var g = new ThooftGalerkin(m, 24);
        Assert.True(Math.Abs(0.5 * g.Values[0] - g.MeanMomentum(0)) < 1e-6);
        Assert.True(Math.Abs(0.5 * g.Values[1] - g.MeanMomentum(1)) < 2e-4);
    }

    [Fact]
    public void VirialResidualOfGridShrinksWithResolution()
    {
        double prev = double.MaxValue;
        foreach (int nk in new[] { 100, 200, 400 })
        {
            var t = new ThooftGrid(0.5, nk, 40, 1);
            double r = Math.Abs(t.MeanMomentum(0) - 0.5 * t.Values[0]);
            Assert.True(r < prev, $"virial residual {r} did not shrink at N_K = {nk}");
            prev = r;
        }
        Assert.True(prev < 0.05); // |<k> - Λ̄| at Δ = 0.1β, P_max = 40β
    }

    [Fact]
    public void GalerkinEigenvaluesDoNotIncreaseAlongNestedBases()
    {
        double prev = double.MaxValue;
        foreach (int nb in new[] { 4, 8, 12, 16 })
        {
            double e = new ThooftGalerkin(0.5, nb).Values[0];
            Assert.True(e <= prev + 1e-10);
            prev = e;
        }
    }

    [Fact]
    public void GridAndGalerkinAgreeAfterExtrapolation()
    {
        int[] nks = [100, 200, 400, 800];
        double pMax = 40;
        var h = nks.Select(n => pMax / n).ToArray();
        var e = nks.Select(n => new ThooftGrid(1.0, n, pMax, 1).Values[0]).ToArray();
        var ext = PowerLawExtrapolation.Fit(h, e);
        var g24 = new ThooftGalerkin(1.0, 24).Values[0];
        var g16 = new ThooftGalerkin(1.0, 16).Values[0];
        double tol = ext.Uncertainty + Math.Abs(g24 - g16) + 2e-3; // combined uncertainties + P_max truncation allowance
        Assert.True(Math.Abs(ext.Value - g24) <= tol, $"grid {ext.Value} ± {ext.Uncertainty} vs Galerkin {g24}");
    }

    [Fact]
    public void HopFreeFemtowormReducesExactlyToThooft()
    {
        var p = new LightFrontParameters("x", "", 1, 0.5, 1.2, 0.5, 2, 0, 0);
        int nk = 20;
        var h = FemtowormHamiltonian.Create(p, nk, 15, Sector.Half);
        var dense = h.AssembleDense();
        var thooft = ThooftGrid.Matrix(0.5, nk, 15);
        int n = h.Dimension;
        for (int i = 0; i < nk; i++)
        {
            for (int j = 0; j < nk; j++) Assert.Equal(thooft[i * nk + j], dense[i * n + j], 13);
            for (int j = nk; j < n; j++) Assert.Equal(0.0, dense[i * n + j]);
        }
        var all = Core.LinearAlgebra.SymmetricEigen.Solve(dense, n).Values;
        var t = new ThooftGrid(0.5, nk, 15, 3);
        foreach (double v in t.Values) Assert.Contains(all, x => Math.Abs(x - v) < 1e-10);
    }
}
