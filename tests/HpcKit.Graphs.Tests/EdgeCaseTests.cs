using HpcKit.Core.Comm;
using HpcKit.Graphs.Generation;
using HpcKit.Graphs.Model;

namespace HpcKit.Graphs.Tests;

/// <summary>Spec §7.1 structural invariants and §7.9 edge cases.</summary>
public class EdgeCaseTests
{
    internal static void AssertStructure(ChungLuModel model, List<(long, long)> edges)
    {
        var seen = new HashSet<(long, long)>();
        var deg = new long[model.N];
        foreach (var (a, b) in edges)
        {
            Assert.InRange(a, 0, model.N - 1);
            Assert.InRange(b, 0, model.N - 1);
            if (!model.Options.AllowSelfLoops) Assert.NotEqual(a, b);
            Assert.True(seen.Add((Math.Min(a, b), Math.Max(a, b))), $"duplicate pair ({a}, {b})");
            deg[a]++;
            deg[b]++;
        }
        Assert.Equal(2L * edges.Count, deg.Sum());
    }

    private static List<(long, long)> Edges(ChungLuModel model)
    {
        var sink = new ListSink();
        ChungLuGenerator.Generate(model, ref sink);
        return sink.Edges;
    }

    [Fact]
    public void StructureHoldsAndEachNodeFollowsItsOwnWeight()
    {
        var model = Instances.Model(Instances.ShuffledPowerLaw(5000, 2.4, 10, 200, 8), seed: 9);
        Assert.False(model.IdentityLabels);
        var edges = Edges(model);
        AssertStructure(model, edges);
        var ex = model.Expectations();
        var deg = new double[model.N];
        foreach (var (a, b) in edges)
        {
            deg[a]++;
            deg[b]++;
        }
        // Σ z² over nodes of one graph: mean n, variance Σ(2 + 1/σ²) (Poisson kurtosis)
        double s = 0, v = 0;
        for (int u = 0; u < model.N; u++)
        {
            double z2 = (deg[u] - ex.DegreeMean[u]) * (deg[u] - ex.DegreeMean[u]) / ex.DegreeVariance[u];
            s += z2;
            v += 2 + 1 / ex.DegreeVariance[u];
        }
        Assert.True(Math.Abs((s - model.N) / Math.Sqrt(v)) < Stat.ZLimit);
        var loops = Instances.Model(Instances.ShuffledPowerLaw(3000, 2.4, 10, 200, 8), seed: 9, loops: true);
        var le = Edges(loops);
        AssertStructure(loops, le);
        Assert.Contains(le, e => e.Item1 == e.Item2);
    }

    [Fact]
    public void ClampingWarnsOnceFlagsAndUsesClampedExpectations()
    {
        var w = Enumerable.Repeat(2.0, 200).ToArray();
        w[17] = 120;
        w[90] = 100;
        var warnings = new List<string>();
        var model = new ChungLuModel(w, new ChungLuOptions { Seed = 3, Diagnostics = warnings.Add });
        Assert.Single(warnings);
        Assert.True(model.Clamped);
        Assert.Equal(1, model.ClampedPairs); // only {17, 90}: 120·100/618 > 1, 120·2/618 < 1
        var ex = model.Expectations();
        Assert.True(ex.DegreeMean[17] < 120 - 120.0 * 120 / model.S + 1e-9);
        const int r = 400;
        var m = new double[r];
        var d17 = 0.0;
        for (int i = 0; i < r; i++)
        {
            var e = Edges(model.WithSeed(10 + (ulong)i));
            m[i] = e.Count;
            Assert.Contains(e, x => Math.Min(x.Item1, x.Item2) == 17 && Math.Max(x.Item1, x.Item2) == 90); // p clamped to 1
            d17 += e.Count(x => x.Item1 == 17 || x.Item2 == 17);
        }
        Assert.True(Math.Abs((m.Average() - ex.EdgeMean) / Math.Sqrt(ex.EdgeVariance / r)) < Stat.ZLimit);
        Assert.True(Math.Abs((d17 / r - ex.DegreeMean[17]) / Math.Sqrt(ex.DegreeVariance[17] / r)) < Stat.ZLimit);
        var ex2 = Assert.Throws<ChungLuClampException>(() => new ChungLuModel(w, new ChungLuOptions { Clamp = ClampPolicy.Error }));
        Assert.Equal(1, ex2.ClampedPairs);
    }

    [Fact]
    public void ZeroWeightsGiveIsolatedNodesAndAllZeroGivesTheEmptyGraph()
    {
        var w = Instances.Spread(300, 1, 8);
        for (int i = 0; i < 300; i += 3) w[i] = 0;
        var model = Instances.Model(w, seed: 5);
        var edges = Edges(model);
        AssertStructure(model, edges);
        Assert.NotEmpty(edges);
        Assert.DoesNotContain(edges, e => e.Item1 % 3 == 0 || e.Item2 % 3 == 0);
        var zero = Instances.Model(new double[50]);
        Assert.Empty(Edges(zero));
        Assert.Equal(0, zero.Expectations().EdgeMean);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void TinyGraphs(bool loops)
    {
        Assert.Empty(Edges(Instances.Model([], loops: loops)));
        var one = Edges(Instances.Model([5.0], loops: loops));
        if (loops) Assert.Equal([(0L, 0L)], one); // p_00 = min(1, 25/5) = 1
        else Assert.Empty(one);
        // n = 2, w = (1, 1): p_01 = 1/2, p_uu = 1/2 with loops; frequencies over replicates
        var two = Instances.Model([1.0, 1.0], loops: loops);
        const int r = 20_000;
        long pair = 0, self = 0;
        for (int i = 0; i < r; i++)
            foreach (var (a, b) in Edges(two.WithSeed((ulong)i)))
                if (a == b) self++;
                else pair++;
        Assert.True(Math.Abs((pair - r * 0.5) / Math.Sqrt(r * 0.25)) < Stat.ZLimit);
        if (loops) Assert.True(Math.Abs((self - 2 * r * 0.5) / Math.Sqrt(2 * r * 0.25)) < Stat.ZLimit);
        else Assert.Equal(0, self);
        var empty = Ranks.Run(3, c => ChungLuRun.Execute(c, Instances.Model([]), new GenerateRequest()), RankTransport.Threads);
        Assert.All(empty, x => Assert.Equal(0, x.Edges));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void StreamingEdgeMomentsEqualTheFullExpectations(bool loops)
    {
        var w = Enumerable.Repeat(2.0, 300).ToArray();
        w[3] = 60;
        w[100] = 50;
        var model = Instances.Model(w, loops: loops);
        var ex = model.Expectations();
        var (m, v) = model.EdgeMoments();
        Assert.Equal(ex.EdgeMean, m, 1e-9 * ex.EdgeMean);
        Assert.Equal(ex.EdgeVariance, v, 1e-9 * ex.EdgeVariance);
        double sumDeg = ex.DegreeMean.Sum();
        Assert.Equal(2 * ex.EdgeMean, sumDeg, 1e-9 * sumDeg);
    }

    [Fact]
    public void TinyProbabilitiesEndEveryRowAtOnce()
    {
        var model = Instances.Model(Enumerable.Repeat(1e-12, 100_000).ToArray());
        var sink = new CountingSink(true);
        var c = ChungLuGenerator.Generate(model, ref sink);
        Assert.Equal(0, c.Edges);
        Assert.True(c.Candidates <= 1); // E[m] ≈ 5·10⁻⁸
    }

    [Fact]
    public void InvalidWeightsAreRejectedWithTheirIndex()
    {
        foreach (var bad in new[] { -1.0, double.NaN, double.PositiveInfinity, 1e300 })
        {
            var e = Assert.Throws<Core.HpcKitDataException>(() => new ChungLuModel([1.0, bad, 2.0]));
            Assert.Contains("node 1", e.Message);
        }
    }
}
