using HpcKit.Core.Comm;
using HpcKit.Core.Random;

namespace HpcKit.Core.Tests;

/// <summary>
/// Reproducibility and basic statistical quality. Every statistical assertion uses a fixed seed and a 5σ (or
/// stated chi-square) bound, so a correct generator fails it with probability below 1e-6.
/// </summary>
public class RandomStreamTests
{
    [Fact]
    public void Philox_matches_the_published_known_answer()
    {
        // Random123 kat_vectors: philox4x32_10, counter = key = 0 → 6627e8d5 e169c58d bc57ac4c 9b00dbd8.
        uint c0 = 0, c1 = 0, c2 = 0, c3 = 0;
        Philox.Block(ref c0, ref c1, ref c2, ref c3, 0, 0);
        Assert.Equal([0x6627e8d5u, 0xe169c58du, 0xbc57ac4cu, 0x9b00dbd8u], new[] { c0, c1, c2, c3 });
    }

    [Fact]
    public void Same_seed_and_stream_give_the_same_numbers_on_any_rank_count()
    {
        static ulong[] Draw(int ranks) => Ranks.Run(ranks, c =>
        {
            var mine = new List<(int, ulong)>();
            for (int id = c.Rank; id < 12; id += c.Size)
            {
                var s = new RandomStream(42, (ulong)id);
                for (int k = 0; k < 5; k++) s.NextUInt64();
                mine.Add((id, s.NextUInt64()));
            }
            return mine;
        }, RankTransport.Threads).SelectMany(x => x).OrderBy(x => x.Item1).Select(x => x.Item2).ToArray();
        var one = Draw(1);
        Assert.Equal(one, Draw(3));
        Assert.Equal(one, Draw(4));
        Assert.Equal(12, one.Distinct().Count());
    }

    [Fact]
    public void At_skips_ahead_by_blocks()
    {
        var s = new RandomStream(1, 2);
        for (int i = 0; i < 6; i++) s.NextUInt64();
        var t = RandomStream.At(1, 2, 3);
        Assert.Equal(s.NextUInt64(), t.NextUInt64());
    }

    [Fact]
    public void Uniform_is_in_half_open_unit_interval_and_unbiased()
    {
        var s = new RandomStream(7, 0);
        const int n = 1_000_000;
        double sum = 0, min = 1;
        var bins = new int[100];
        for (int i = 0; i < n; i++)
        {
            double u = s.NextDouble();
            Assert.True(u > 0 && u <= 1);
            min = Math.Min(min, u);
            sum += u;
            bins[Math.Min(99, (int)(u * 100))]++;
        }
        Assert.True(Math.Abs(sum / n - 0.5) < 5 * Math.Sqrt(1.0 / 12 / n));
        double chi2 = bins.Sum(b => Math.Pow(b - n / 100.0, 2) / (n / 100.0));
        Assert.True(chi2 < 180, $"chi-square {chi2} with 99 dof (bound 180: false-failure rate < 1e-6)");
        // The smallest possible value is 2^-53 > 0: ln(U) is always finite.
        Assert.True(double.IsFinite(Math.Log(min)));
    }

    [Fact]
    public void Different_streams_are_uncorrelated()
    {
        var a = new RandomStream(3, 0);
        var b = new RandomStream(3, 1);
        const int n = 200_000;
        double sxy = 0, sx = 0, sy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < n; i++)
        {
            double x = a.NextDouble(), y = b.NextDouble();
            sx += x; sy += y; sxy += x * y; sxx += x * x; syy += y * y;
        }
        double r = (sxy / n - sx / n * sy / n) / Math.Sqrt((sxx / n - Math.Pow(sx / n, 2)) * (syy / n - Math.Pow(sy / n, 2)));
        Assert.True(Math.Abs(r) < 5 / Math.Sqrt(n), $"correlation {r}");
    }

    [Fact]
    public void Normal_has_zero_mean_and_unit_variance()
    {
        var s = new RandomStream(11, 5);
        const int n = 400_000;
        double sum = 0, sq = 0;
        for (int i = 0; i < n; i++)
        {
            double z = s.NextNormal();
            sum += z;
            sq += z * z;
        }
        Assert.True(Math.Abs(sum / n) < 5 / Math.Sqrt(n));
        Assert.True(Math.Abs(sq / n - 1) < 5 * Math.Sqrt(2.0 / n));
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(0.01)]
    [InlineData(0.9)]
    public void Geometric_has_the_right_mean(double p)
    {
        var s = new RandomStream(13, 1);
        const int n = 200_000;
        double sum = 0;
        for (int i = 0; i < n; i++) sum += s.NextGeometric(p);
        double mean = (1 - p) / p, var = (1 - p) / (p * p);
        Assert.True(Math.Abs(sum / n - mean) < 5 * Math.Sqrt(var / n), $"mean {sum / n} vs {mean}");
        Assert.Equal(0, s.NextGeometric(1.0));
    }

    [Fact]
    public void Below_is_uniform_over_a_small_range()
    {
        var s = new RandomStream(17, 0);
        var counts = new int[7];
        const int n = 70_000;
        for (int i = 0; i < n; i++) counts[s.NextBelow(7)]++;
        double chi2 = counts.Sum(c => Math.Pow(c - n / 7.0, 2) / (n / 7.0));
        Assert.True(chi2 < 40, $"chi-square {chi2} with 6 dof (bound 40: false-failure rate < 1e-6)");
        Assert.Throws<ArgumentOutOfRangeException>(() => s.NextBelow(0));
    }
}
