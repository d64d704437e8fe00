using HpcKit.Core.Random;
using HpcKit.Neural;

namespace HpcKit.Neural.Tests;

/// <summary>
/// Initialisers: bounds exactly, moments statistically. With n = 40 000 draws the sample variance of a normal has
/// relative standard error √(2/n) ≈ 0.7 %, of a uniform ≈ 0.45 %; the 4 % tolerance is > 5 standard errors
/// (false-failure rate &lt; 1e-6 per check). Seeds are fixed, so the outcome is deterministic anyway.
/// </summary>
public sealed class InitTests
{
    private const int N = 40_000;

    private static (double Mean, double Var, double Max) Moments(float[] v)
    {
        double m = v.Average(x => (double)x);
        return (m, v.Sum(x => (x - m) * (x - m)) / (v.Length - 1), v.Max(x => Math.Abs((double)x)));
    }

    [Fact]
    public void KaimingAndXavierHaveTheirVariances()
    {
        var rng = new RandomStream(1, 0);
        var v = new float[N];
        Init.KaimingNormal<float>(v, 50, ref rng);
        var (m, var, _) = Moments(v);
        Assert.InRange(var / (2.0 / 50), 0.96, 1.04);
        Assert.InRange(Math.Abs(m), 0, 5 * Math.Sqrt(2.0 / 50 / N));
        Init.KaimingUniform<float>(v, 50, ref rng);
        (_, var, double max) = Moments(v);
        Assert.InRange(var / (2.0 / 50), 0.96, 1.04);
        Assert.True(max <= Math.Sqrt(6.0 / 50));
        Init.XavierUniform<float>(v, 30, 70, ref rng);
        (_, var, max) = Moments(v);
        Assert.InRange(var / (2.0 / 100), 0.96, 1.04);
        Assert.True(max <= Math.Sqrt(6.0 / 100));
        Init.XavierNormal<float>(v, 30, 70, ref rng);
        (_, var, _) = Moments(v);
        Assert.InRange(var / (2.0 / 100), 0.96, 1.04);
        Init.Normal<float>(v, 0.3, ref rng, mean: 2);
        (m, var, _) = Moments(v);
        Assert.InRange(m, 2 - 5 * 0.3 / Math.Sqrt(N), 2 + 5 * 0.3 / Math.Sqrt(N));
        Assert.InRange(var / 0.09, 0.96, 1.04);
    }

    [Fact]
    public void SameSeedSameWeights()
    {
        var r1 = new RandomStream(7, 3);
        var r2 = new RandomStream(7, 3);
        var a = new Linear<float>(9, 4, ref r1);
        var b = new Linear<float>(9, 4, ref r2);
        Assert.Equal(a.Weight.Value.Span.ToArray(), b.Weight.Value.Span.ToArray());
        Assert.Equal(a.Bias!.Value.Span.ToArray(), b.Bias!.Value.Span.ToArray());
        Assert.All(a.Weight.Value.Span.ToArray(), w => Assert.InRange(w, -1 / 3f, 1 / 3f));
    }
}
