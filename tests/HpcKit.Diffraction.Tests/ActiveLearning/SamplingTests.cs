using HpcKit.Core.Statistics;
using HpcKit.Core.Random;
using HpcKit.Diffraction.ActiveLearning;

namespace HpcKit.Diffraction.Tests.ActiveLearning;

public class SamplingTests
{
    private static Prediction P(float l0, float l1, float l2, float s) => new(l0, l1, l2, 0, 0, 0, s);

    [Fact]
    public void WeightsAreADistributionAndTheMixIsExactlyHalfHalf()
    {
        var preds = new Prediction[50];
        var rng = new RandomStream(7, 1);
        for (int i = 0; i < preds.Length; i++)
            preds[i] = P((float)rng.NextNormal(), (float)rng.NextNormal(), (float)rng.NextNormal(), (float)rng.NextNormal(-2, 1));
        var w = new double[50];
        var wv = new double[50];
        var wh = new double[50];
        var d = UncertaintyScore.Compute(preds, w);
        UncertaintyScore.Compute(preds, wv, 1.0);
        UncertaintyScore.Compute(preds, wh, 0.0);
        Assert.Equal("none", d.Fallback);
        Assert.Equal(1.0, w.Sum(), 12);
        Assert.All(w, x => Assert.True(x >= 0));
        for (int i = 0; i < 50; i++) Assert.Equal(0.5 * wv[i] + 0.5 * wh[i], w[i], 14);
        // Variance-only weights are σ²/Σσ² by hand.
        double sv = preds.Sum(p => Math.Exp(p.LogVariance));
        for (int i = 0; i < 50; i++) Assert.Equal(Math.Exp(preds[i].LogVariance) / sv, wv[i], 14);
    }

    [Fact]
    public void EqualUncertaintiesGiveUniformWeights()
    {
        var preds = Enumerable.Repeat(P(0.3f, -1f, 2f, -1.5f), 40).ToArray();
        var w = new double[40];
        UncertaintyScore.Compute(preds, w);
        Assert.All(w, x => Assert.Equal(1.0 / 40, x, 15));
    }

    [Fact]
    public void ZeroProbabilitiesAreClampedSoEntropyStaysFinite()
    {
        // exp(-1000) underflows to exactly 0 in double: those probabilities are replaced by the smallest positive one.
        var preds = new[] { P(1000f, 0f, 0f, 0f), P(0f, 1f, 2f, 0f), P(0f, 0f, 0f, 0f) };
        var w = new double[3];
        var d = UncertaintyScore.Compute(preds, w);
        Assert.True(d.ClampedProbabilities >= 2);
        Assert.All(w, x => Assert.True(double.IsFinite(x) && x > 0));
        Assert.Equal(1.0, w.Sum(), 12);
    }

    [Fact]
    public void DegenerateSumsFallBackAsSpecified()
    {
        var w = new double[2];
        // Variance sum overflows → entropy only.
        var d = UncertaintyScore.Compute([P(0, 0, 0, 1000f), P(0, 0, 5, 1000f)], w);
        Assert.StartsWith("entropy only", d.Fallback);
        double h0 = Math.Log(3);
        Assert.True(w[0] > w[1]);
        Assert.Equal(1.0, w.Sum(), 12);
        Assert.Equal(h0 / (h0 + Entropy(0, 0, 5)), w[0], 12);
        // Entropy sum zero (certain one-hot everywhere) and variance zero → uniform.
        d = UncertaintyScore.Compute([P(1e4f, 0, 0, -1e4f), P(0, 1e4f, 0, -1e4f)], w);
        Assert.StartsWith("uniform", d.Fallback);
        Assert.Equal(0.5, w[0]);
        // Entropy zero, variance fine → variance only.
        d = UncertaintyScore.Compute([P(1e4f, 0, 0, 0f), P(0, 1e4f, 0, (float)Math.Log(3))], w);
        Assert.StartsWith("variance only", d.Fallback);
        Assert.Equal(0.25, w[0], 6); // ln 3 rounded to float
    }

    private static double Entropy(double a, double b, double c)
    {
        double m = Math.Max(a, Math.Max(b, c));
        double ea = Math.Exp(a - m), eb = Math.Exp(b - m), ec = Math.Exp(c - m), s = ea + eb + ec;
        return -(ea / s * Math.Log(ea / s) + eb / s * Math.Log(eb / s) + ec / s * Math.Log(ec / s));
    }

    [Fact]
    public void AllocationFollowsTheScoreDistributionByChiSquare()
    {
        // Fixed score vector (one zero weight); 200 000 draws; Pearson χ² with 18 dof over the 19 positive cells.
        double[] raw = [5, 1, 0.5, 3, 8, 2, 2, 0, 13, 0.2, 4, 6, 1, 1, 9, 0.7, 2.5, 3.3, 7, 1.1];
        double total = raw.Sum();
        var w = raw.Select(x => x / total).ToArray();
        var counts = new int[w.Length];
        var rng = new RandomStream(2024, 99);
        const int m = 200_000;
        MultinomialAllocation.Draw(w, m, ref rng, counts);
        Assert.Equal(m, counts.Sum());
        Assert.Equal(0, counts[7]);
        double chi = 0;
        int cells = 0;
        for (int i = 0; i < w.Length; i++)
        {
            if (w[i] == 0) continue;
            double e = m * w[i];
            chi += (counts[i] - e) * (counts[i] - e) / e;
            cells++;
        }
        double p = StatTests.ChiSquareSurvival(chi, cells - 1);
        // False-failure rate of this assertion for a correct sampler: 1e-3 (fixed seed, so deterministic).
        Assert.True(p > 1e-3, $"chi2 = {chi:F2}, p = {p:E2}");
    }

    [Fact]
    public void AllocationCountsSumToTheBatchAndRejectBadWeights()
    {
        var rng = new RandomStream(1, 1);
        var counts = new int[3];
        MultinomialAllocation.Draw([0.2, 0.3, 0.5], 901, ref rng, counts);
        Assert.Equal(901, counts.Sum());
        Assert.Throws<ArgumentException>(() => MultinomialAllocation.Draw([0.2, -0.1, 0.5], 10, ref rng, counts));
        Assert.Throws<ArgumentException>(() => MultinomialAllocation.Draw([0.0, 0.0, 0.0], 10, ref rng, counts));
        Assert.Throws<ArgumentException>(() => MultinomialAllocation.Draw([double.NaN, 1, 1], 10, ref rng, counts));
    }

    [Fact]
    public void StatTestsMatchTabulatedQuantiles()
    {
        Assert.Equal(0.05, StatTests.ChiSquareSurvival(3.841458820694124, 1), 9);
        Assert.Equal(0.05, StatTests.ChiSquareSurvival(18.307038053275146, 10), 9);
        Assert.Equal(0.001, StatTests.ChiSquareSurvival(42.31239633, 18), 8);
        Assert.Equal(0.95, StatTests.StudentCdf(2.015048372669157, 5), 9);
        Assert.Equal(0.5, StatTests.StudentCdf(0, 3.3), 12);
        Assert.Equal(0.025, StatTests.StudentCdf(-2.228138851986274, 10), 9);
    }
}
