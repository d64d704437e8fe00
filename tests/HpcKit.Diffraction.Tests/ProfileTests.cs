using HpcKit.Diffraction.Instruments;
using HpcKit.Diffraction.Profiles;

namespace HpcKit.Diffraction.Tests;

public class ProfileTests
{
    [Fact]
    public void ErfcxInterpolantsMatchReference()
    {
        for (double x = -5; x < 40; x += 0.0137)
        {
            double r = Erfcx.Reference(x), v = Erfcx.Evaluate(x);
            Assert.True(Math.Abs(v - r) <= 2e-13 * Math.Abs(r), $"erfcx({x}) = {v}, reference {r}");
        }
        // known values: erfcx(0) = 1, erfcx(1) = e·erfc(1) = 0.42758357615580700442, erfcx(10) = 0.056 ...
        Assert.Equal(1.0, Erfcx.Evaluate(0), 14);
        Assert.Equal(0.42758357615580700442, Erfcx.Evaluate(1), 14);
        Assert.Equal(0.05614099274382258586, Erfcx.Evaluate(10), 15);
        double xb = 1000, asym = 1 / (xb * Math.Sqrt(Math.PI)) * (1 - 1 / (2 * xb * xb) + 3 / (4 * xb * xb * xb * xb));
        Assert.Equal(1, Erfcx.Evaluate(xb) / asym, 13);
    }

    [Theory]
    [InlineData(0.167, 0.2748, 404.0)]
    [InlineData(1.2, 0.30, 5.6)]
    [InlineData(0.08, 0.275, 3059)]
    [InlineData(5.0, 5.0, 1.0)]
    public void ProfileHasUnitAreaAndMean(double alpha, double beta, double sigma2)
    {
        double s = Math.Sqrt(sigma2);
        double lo = -12 * s - 40 / alpha, hi = 12 * s + 40 / beta;
        int n = 400000;
        double h = (hi - lo) / n, area = 0, mean = 0;
        for (int i = 0; i <= n; i++)
        {
            double x = lo + i * h, w = i == 0 || i == n ? 0.5 : 1;
            double v = BackToBackGaussian.Evaluate(x, alpha, beta, sigma2);
            area += w * v * h;
            mean += w * v * x * h;
        }
        Assert.Equal(1, area, 8);
        Assert.Equal(BackToBackGaussian.Mean(alpha, beta), mean, 6);
    }

    [Fact]
    public void StableAndDirectFormsAgreeAndNoNaN()
    {
        foreach (double a in new[] { 1e-3, 0.05, 0.167, 1, 10 })
            foreach (double b in new[] { 1e-3, 0.275, 3, 10 })
                foreach (double s2 in new[] { 1e-4, 1, 400, 1e4 })
                    for (double d = -1e4; d <= 1e4; d += 37.3)
                    {
                        double v = BackToBackGaussian.Evaluate(d, a, b, s2);
                        Assert.True(double.IsFinite(v) && v >= 0, $"H({d}; {a}, {b}, {s2}) = {v}");
                        double direct = BackToBackGaussian.EvaluateDirect(d, a, b, s2);
                        if (double.IsFinite(direct) && direct > 1e-200 && Math.Abs(d) < 5 * Math.Sqrt(s2))
                            Assert.True(Math.Abs(v - direct) <= 1e-9 * direct + 1e-300, $"stable {v} vs direct {direct}");
                    }
    }

    [Fact]
    public void GaussianRecoveredForLargeAlphaBeta()
    {
        double s2 = 4;
        for (double d = -8; d <= 8; d += 0.5)
        {
            double g = Math.Exp(-d * d / (2 * s2)) / Math.Sqrt(2 * Math.PI * s2);
            Assert.Equal(g, BackToBackGaussian.Evaluate(d, 1e5, 1e5, s2), 4);
        }
    }

    [Theory]
    [InlineData(TofProfileMode.InstrumentOnly)]
    [InlineData(TofProfileMode.Gsas2Default)]
    public void KernelTableMatchesDirectEvaluation(TofProfileMode mode)
    {
        var inst = TofInstrument.NomadBank4;
        var grid = TofGrid.Default;
        var table = TofKernelTable.For(inst, grid, mode);
        var buf = new float[table.BufferLength];
        foreach (int i in new[] { 5, 700, 1500, 2800 })
            foreach (double ph in new[] { 0.0, 0.3, 0.77 })
            {
                Array.Clear(buf);
                table.Add(buf, i + ph, 1f);
                double peak = 0, err = 0;
                int st = i + table.Start(i);
                for (int j = st; j < st + table.Width; j++)
                {
                    double exact = TofKernelTable.Profile(inst, grid, mode, i, ph, j);
                    peak = Math.Max(peak, exact);
                    err = Math.Max(err, Math.Abs(exact - buf[j + TofKernelTable.Pad]));
                }
                Assert.True(err <= 1e-4 * peak, $"bin {i} phase {ph}: err {err} peak {peak}");
            }
    }
}
