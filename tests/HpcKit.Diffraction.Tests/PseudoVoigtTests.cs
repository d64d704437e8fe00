using System.Numerics;
using HpcKit.Diffraction.Profiles;

namespace HpcKit.Diffraction.Tests;

public class PseudoVoigtTests
{
    [Fact]
    public void ScaledE1MatchesKnownValues()
    {
        // E1(1) = 0.21938393439552027368; E1(i) = -Ci(1) + i(Si(1) - pi/2)
        Assert.Equal(0.21938393439552027368 * Math.E, ExponentialIntegral.ScaledE1(1).Real, 13);
        var e1i = new Complex(-0.33740392290096813466, 0.94608307036718301494 - Math.PI / 2);
        var v = ExponentialIntegral.ScaledE1(Complex.ImaginaryOne);
        Assert.True(Complex.Abs(v - Complex.Exp(Complex.ImaginaryOne) * e1i) < 1e-13);
        // E1(10) e^10 = 0.091563333939788081876
        Assert.Equal(0.091563333939788081876, ExponentialIntegral.ScaledE1(10).Real, 13);
    }

    [Fact]
    public void BranchesAgreeAtTheirBoundaries()
    {
        // continued fraction vs series (times e^z) around |z| = 2..6 in the upper half plane
        for (double r = 2.0; r <= 6; r += 0.5)
            for (double th = 0.05; th < Math.PI; th += 0.1)
            {
                var z = Complex.FromPolarCoordinates(r, th);
                var series = Complex.Exp(z) * ExponentialIntegral.SeriesE1(z);
                Assert.True(Complex.Abs(series - ExponentialIntegral.ScaledE1(z)) < 1e-10, $"z = {z}");
            }
        // asymptotic branch (|z| > 40, Re z < 0, |Im| < |Re|) vs the series at the same z (no cancellation there)
        foreach (double r in new[] { 40.01, 45.0 })
            foreach (double th in new[] { Math.PI - 0.01, Math.PI - 0.3, 0.76 * Math.PI })
            {
                var z = Complex.FromPolarCoordinates(r, th);
                var a = ExponentialIntegral.ScaledE1(z);
                var b = Complex.Exp(z) * ExponentialIntegral.SeriesE1(z);
                Assert.True(Complex.Abs(a - b) < 1e-10, $"z = {z}: {a} vs {b}");
            }
    }

    [Theory]
    [InlineData(0.167, 0.2748, 10.4)]
    [InlineData(1.2, 0.30, 1.4)]
    [InlineData(0.08, 0.275, 22.8)]
    public void LorentzianPartMatchesNumericalConvolution(double alpha, double beta, double fwhm)
    {
        double twoN = alpha * beta / (alpha + beta);
        double L(double x) => fwhm / (2 * Math.PI) / (x * x + fwhm * fwhm / 4);
        foreach (double delta in new[] { -60.0, -15, -3, 0, 2.5, 9, 40 })
        {
            // ∫ b2b(t) L(Δ − t) dt, split at the kink t = 0, Simpson on a fine grid
            double Part(double lo, double hi, Func<double, double> f)
            {
                int n = 200000;
                double h = (hi - lo) / n, s = f(lo) + f(hi);
                for (int i = 1; i < n; i++) s += (i % 2 == 1 ? 4 : 2) * f(lo + i * h);
                return s * h / 3;
            }
            double conv = Part(-60 / alpha, 0, t => twoN * Math.Exp(alpha * t) * L(delta - t))
                        + Part(0, 60 / beta, t => twoN * Math.Exp(-beta * t) * L(delta - t));
            double hl = BackToBackPseudoVoigt.Lorentzian(delta, alpha, beta, fwhm);
            Assert.True(Math.Abs(hl - conv) < 1e-6 * Math.Max(1e-3, conv) + 1e-9, $"Δ = {delta}: H_L {hl} vs convolution {conv}");
        }
    }

    [Fact]
    public void PseudoVoigtAreaAndLimits()
    {
        double alpha = 0.167, beta = 0.2748, s2 = 404, gamma = 10.4;
        // area over ±2000 µs: the Lorentzian part misses ≈ η·Γ/(π·2000) in its tails
        var (g, eta) = BackToBackPseudoVoigt.Mix(s2, gamma);
        double area = 0, h = 0.05;
        for (double x = -2000; x <= 2000; x += h) area += BackToBackPseudoVoigt.Evaluate(x, alpha, beta, s2, gamma) * h;
        Assert.Equal(1 - eta * 2 * Math.Atan(g / 4000) / Math.PI * 1, area, 4);
        // γ = 0 is the Gaussian form; large α, β gives the symmetric pseudo-Voigt
        Assert.Equal(BackToBackGaussian.Evaluate(3, alpha, beta, s2), BackToBackPseudoVoigt.Evaluate(3, alpha, beta, s2, 0), 15);
        double lor = g / (2 * Math.PI) / (9 + g * g / 4);
        double gau = Math.Exp(-9 / (2 * g * g / (8 * Math.Log(2)))) / Math.Sqrt(2 * Math.PI * g * g / (8 * Math.Log(2)));
        Assert.Equal((1 - eta) * gau + eta * lor, BackToBackPseudoVoigt.Evaluate(3, 1e4, 1e4, s2, gamma), 6);
        for (double x = -1e4; x <= 1e4; x += 13.7)
            Assert.True(double.IsFinite(BackToBackPseudoVoigt.Evaluate(x, 5, 10, 1e-4, 0.01)) && double.IsFinite(BackToBackPseudoVoigt.Evaluate(x, 1e-3, 1e-3, 1e4, 300)));
    }
}

public class PseudoVoigtPatternTests
{
    /// <summary>Simulates <paramref name="s"/> with direct and table profiles on NOMAD bank 4 and asserts they agree within 1e-4 of the maximum.</summary>
    private static (HpcKit.Diffraction.Instruments.TofGrid Grid, HpcKit.Diffraction.Instruments.TofInstrument Inst, double[] Table, double Max) TableMatchesDirect(
        HpcKit.Diffraction.Crystal.CrystalStructure s)
    {
        var grid = HpcKit.Diffraction.Instruments.TofGrid.Default;
        var inst = HpcKit.Diffraction.Instruments.TofInstrument.NomadBank4;
        var direct = new double[grid.Count];
        var table = new double[grid.Count];
        new HpcKit.Diffraction.Simulation.TofSimulator(s, inst, grid, HpcKit.Diffraction.Simulation.ProfileKind.Direct).Simulate(direct);
        new HpcKit.Diffraction.Simulation.TofSimulator(s, inst, grid, HpcKit.Diffraction.Simulation.ProfileKind.Table).Simulate(table);
        double max = direct.Max();
        for (int j = 0; j < grid.Count; j++)
            Assert.True(Math.Abs(direct[j] - table[j]) <= 1e-4 * max, $"bin {j}: direct {direct[j]} table {table[j]} (max {max})");
        return (grid, inst, table, max);
    }

    [Fact]
    public void TablePatternWithTailsMatchesDirectEvaluation()
    {
        var s = new HpcKit.Diffraction.Crystal.CrystalStructure("one", HpcKit.Diffraction.Crystal.UnitCell.Cubic(3.0),
            [HpcKit.Diffraction.Crystal.SymmetryOperator.Identity], [new HpcKit.Diffraction.Crystal.AtomSite("Ni", "Ni", 0, 0, 0, 1, 0)]);
        var (grid, inst, table, max) = TableMatchesDirect(s);
        // the {111} peak at d = 1.732 Å has Lorentzian tails far beyond its 128-bin window: 300 bins left of it the
        // pattern is not zero, and matches the shifted Lorentzian η·(Γ/2π)/((Δ−δ)²+Γ²/4) of the peaks within reach
        var tt = inst.TofFromD(Math.Sqrt(3));
        int jp = (int)grid.Position(tt);
        Assert.True(table[jp - 300] > 1e-5 * max);
    }

    [Fact]
    public void PrototypeTablePatternWithinOneE4OfDirect()
    {
        // thousands of overlapping peaks: table kernels, interpolated rows and the tail cut stay within 1e-4 of the maximum
        var s = HpcKit.Diffraction.Crystal.Prototypes.At(HpcKit.Diffraction.Crystal.PrototypeClass.Trigonal, new HpcKit.Diffraction.Crystal.CellParameters(4.3, 4.3, 85));
        TableMatchesDirect(s);
    }
}
