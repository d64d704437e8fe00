using HpcKit.Core.LinearAlgebra;
using HpcKit.LightFront.Basis;
using HpcKit.LightFront.Hamiltonian;
using HpcKit.LightFront.Model;

namespace HpcKit.LightFront.Tests;

public class HamiltonianTests
{
    private static readonly LightFrontParameters Hopping = new("h", "", 1, 0.5, 1.0, 0.6, 2, 0.3, 0.2, 1.0);

    [Theory]
    [InlineData(Sector.Half)]
    [InlineData(Sector.ThreeHalves)]
    public void SectorMatrixIsSymmetricAndMatvecMatchesAssembly(Sector sector)
    {
        var h = FemtowormHamiltonian.Create(Hopping, 14, 12, sector);
        var a = h.AssembleDense();
        int n = h.Dimension;
        double max = a.Max(Math.Abs);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < i; j++)
                Assert.True(Math.Abs(a[i * n + j] - a[j * n + i]) <= 1e-12 * max, $"asymmetry at ({i},{j})");
        var rng = new Core.Random.RandomStream(7, 1);
        var x = new double[n];
        for (int i = 0; i < n; i++) x[i] = rng.NextNormal();
        var y = new double[n];
        h.Apply(x, y);
        for (int i = 0; i < n; i++)
        {
            double s = 0;
            for (int j = 0; j < n; j++) s += a[i * n + j] * x[j];
            Assert.True(Math.Abs(s - y[i]) <= 1e-12 * max * Math.Sqrt(n), $"matvec row {i}: {s} vs {y[i]}");
        }
    }

    [Fact]
    public void FourDirectionMatrixIsHermitian()
    {
        var (m, n) = FourDirectionHamiltonian.AssembleRealDoubled(new DlcqGrid(6, 8), Hopping.Scaled());
        int m2 = 2 * n;
        double max = m.Max(Math.Abs);
        for (int i = 0; i < m2; i++)
            for (int j = 0; j < i; j++) Assert.True(Math.Abs(m[(long)i * m2 + j] - m[(long)j * m2 + i]) <= 1e-12 * max);
    }

    [Fact]
    public void C4DecompositionEqualsFourDirectionCalculation()
    {
        var grid = new DlcqGrid(6, 8);
        var c = Hopping.Scaled();
        var (full, n) = FourDirectionHamiltonian.AssembleRealDoubled(grid, c);
        var fullValues = SymmetricEigen.Solve(full, 2 * n).Values;
        var half = new FemtowormHamiltonian(grid, c, Sector.Half);
        var h3 = new FemtowormHamiltonian(grid, c, Sector.ThreeHalves);
        var hv = SymmetricEigen.Solve(half.AssembleDense(), half.Dimension).Values;
        var tv = SymmetricEigen.Solve(h3.AssembleDense(), h3.Dimension).Values;
        // Complex spectrum: j = ±½ (each the ½ sector) and j = ±3/2 (two H₃ channels each); real doubling ×2.
        var union = new List<double>();
        foreach (double v in hv) for (int k = 0; k < 4; k++) union.Add(v);
        foreach (double v in tv) for (int k = 0; k < 8; k++) union.Add(v);
        union.Sort();
        Assert.Equal(union.Count, fullValues.Length);
        double scale = fullValues.Max(Math.Abs);
        for (int i = 0; i < union.Count; i++) Assert.True(Math.Abs(union[i] - fullValues[i]) <= 1e-10 * scale, $"level {i}: {union[i]} vs {fullValues[i]}");
    }

    [Fact]
    public void DiscreteCoulombFormsAnnihilateConstantsUpToExterior()
    {
        var k = new CoulombKernels(12);
        for (int i = 0; i < 12; i++)
        {
            double row = 0;
            for (int j = 0; j < 12; j++) row -= k.Fermion[i * 12 + j];
            Assert.Equal(CoulombKernels.FermionTail(i + 0.5, 12), k.FermionDiagonal(i) + row, 12);
        }
    }

    [Fact]
    public void ClosedFormExteriorTermsMatchQuadrature()
    {
        double kk = 0.7, l = 3.0, eps = 0.2;
        Assert.Equal(CoulombKernels.FermionTail(kk, l), Integrate(x => 1 / ((x - kk) * (x - kk)), l, 1e7), 5);
        Assert.Equal(CoulombKernels.BosonTail(kk, l), Integrate(x => CoulombKernels.BosonWeight(kk, x) / ((x - kk) * (x - kk)), l, 1e15), 5);
        Assert.Equal(CoulombKernels.BosonGap(kk, eps), Integrate(x => CoulombKernels.BosonWeight(kk, x) / ((x - kk) * (x - kk)), 1e-12, eps), 5);
    }

    private static double Integrate(Func<double, double> f, double a, double b)
    {
        // Log-spaced Simpson rule.
        int n = 200000;
        double la = Math.Log(a), lb = Math.Log(b), h = (lb - la) / n, s = 0;
        for (int i = 0; i <= n; i++)
        {
            double t = la + i * h, x = Math.Exp(t);
            double w = i == 0 || i == n ? 1 : (i % 2 == 1 ? 4 : 2);
            s += w * f(x) * x;
        }
        return s * h / 3;
    }
}
