using HpcKit.Core.Statistics;
using HpcKit.Core.Random;
using HpcKit.Diffraction.ActiveLearning;

namespace HpcKit.Diffraction.Tests.ActiveLearning;

public class JitterAndGridTests
{
    [Fact]
    public void StudyGridHasThePublishedShapes()
    {
        var g = StudyGrid.Build(4500);
        Assert.Equal(4500, g.CountOf(CrystalClass.Cubic));
        Assert.Equal(66 * 67, g.CountOf(CrystalClass.Trigonal)); // no α node falls within 0.2° of 90
        Assert.True(g.CountOf(CrystalClass.Tetragonal) <= 66 * 67);
        Assert.All(g.Points, p => Assert.True(ParameterSpace.IsValid(p)));
        var s = StudyGrid.Build(300);
        Assert.Equal(16 * 17, s.CountOf(CrystalClass.Trigonal));
        Assert.Equal(2.5, s.Points[0].A);
        Assert.Equal(5.5, s.Points[299].A);
        Assert.Equal(CrystalClass.Trigonal, s.Points[300].Class);
        Assert.Equal(30.0, s.Points[300].Alpha);
        Assert.Equal(119.5, s.Points[300 + 16].Alpha, 12);
        Assert.Throws<ArgumentOutOfRangeException>(() => StudyGrid.Build(3));
    }

    [Fact]
    public void JitterStaysInTheBoxRespectsExclusionsKeepsClassAndCountsRejections()
    {
        // Nodes on box edges and next to the exclusion zones: many draws fall outside and must be dropped.
        CellPoint[] nodes =
        [
            CellPoint.Cubic(2.5), CellPoint.Cubic(5.5),
            CellPoint.Trigonal(3.5, 119.5), CellPoint.Trigonal(4.0, 90.25), CellPoint.Trigonal(4.5, 30.0),
            CellPoint.Tetragonal(4.0, 4.0015), CellPoint.Tetragonal(3.5, 4.4995),
        ];
        var counts = Enumerable.Repeat(2000, nodes.Length).ToArray();
        var rng = new RandomStream(5, 5);
        var accepted = new List<CellPoint>();
        int rejected = ClassJitter.Published.Apply(nodes, counts, ref rng, accepted);
        Assert.Equal(counts.Sum(), accepted.Count + rejected);
        Assert.True(rejected > 5000, $"only {rejected} rejected");
        Assert.All(accepted, p => Assert.True(ParameterSpace.IsValid(p), p.ToString()));
        Assert.All(accepted, p => Assert.True(p.Class == CrystalClass.Cubic ? p.C == p.A && p.Alpha == 90
            : p.Class == CrystalClass.Trigonal ? p.C == p.A : p.Alpha == 90));
        Assert.DoesNotContain(accepted, p => p.Class == CrystalClass.Trigonal && Math.Abs(p.Alpha - 90) <= 0.2);
        Assert.DoesNotContain(accepted, p => p.Class == CrystalClass.Tetragonal && Math.Abs(p.A - p.C) <= 0.001);
    }

    [Fact]
    public void JitterMomentsMatchTheClassSigmasWithinThreeStandardErrors()
    {
        var j = ClassJitter.Published;
        CellPoint[] nodes = [CellPoint.Cubic(4.0), CellPoint.Trigonal(4.0, 70), CellPoint.Tetragonal(3.8, 4.2)];
        const int n = 20000;
        var rng = new RandomStream(11, 3);
        var acc = new List<CellPoint>();
        Assert.Equal(0, j.Apply(nodes, [n, n, n], ref rng, acc));
        void Check(IEnumerable<double> xs, double mean, double sd)
        {
            var a = xs.ToArray();
            var (m, v) = StatTests.MeanVar(a);
            Assert.True(Math.Abs(m - mean) < 3 * sd / Math.Sqrt(n), $"mean {m} vs {mean}");
            // SE of the sample sd ≈ sd/√(2n).
            Assert.True(Math.Abs(Math.Sqrt(v) - sd) < 3 * sd / Math.Sqrt(2.0 * n), $"sd {Math.Sqrt(v)} vs {sd}");
        }
        Check(acc.Take(n).Select(p => p.A), 4.0, j.CubicSigmaA);
        Check(acc.Skip(n).Take(n).Select(p => p.A), 4.0, j.TrigonalSigmaA);
        Check(acc.Skip(n).Take(n).Select(p => p.Alpha), 70, j.TrigonalSigmaAlpha);
        Check(acc.Skip(2 * n).Select(p => p.A), 3.8, j.TetragonalSigmaA);
        Check(acc.Skip(2 * n).Select(p => p.C), 4.2, j.TetragonalSigmaC);
    }

    [Fact]
    public void UniformSetsRespectBoxesAndExclusions()
    {
        var pts = ParameterSpace.UniformSet(2000, 3, 1);
        Assert.Equal(6000, pts.Length);
        Assert.All(pts, p => Assert.True(ParameterSpace.IsValid(p)));
        Assert.Equal(2000, pts.Count(p => p.Class == CrystalClass.Tetragonal));
    }

    private static Prediction[] FakeScores(StudyGrid grid)
    {
        var preds = new Prediction[grid.Count];
        for (int i = 0; i < preds.Length; i++)
        {
            var p = grid.Points[i];
            // Uncertain near α = 90 and a = c, confident elsewhere.
            float s = p.Class == CrystalClass.Trigonal ? (float)(-Math.Abs(p.Alpha - 90) / 5) : p.Class == CrystalClass.Tetragonal ? (float)(-Math.Abs(p.A - p.C) * 20) : -6f;
            preds[i] = new Prediction(3, 0, 0, 0, 0, 0, s);
        }
        return preds;
    }

    [Theory]
    [InlineData("uncertainty")]
    [InlineData("random")]
    [InlineData("variance")]
    public void PoliciesAreDeterministicPerSeedAndDifferAcrossSeeds(string name)
    {
        var grid = StudyGrid.Build(100);
        var preds = FakeScores(grid);
        var policy = AcquisitionPolicies.Create(name);
        var a = policy.Select(grid, preds, 300, 42, 1);
        var b = AcquisitionPolicies.Create(name).Select(grid, preds, 300, 42, 1);
        var c = policy.Select(grid, preds, 300, 43, 1);
        var d = policy.Select(grid, preds, 300, 42, 2);
        Assert.Equal(a.Points, b.Points);
        Assert.NotEqual(a.Points, c.Points);
        Assert.NotEqual(a.Points, d.Points);
        Assert.Equal(300, a.Points.Length + a.Rejected);
        Assert.All(a.Points, p => Assert.True(ParameterSpace.IsValid(p)));
    }

    [Fact]
    public void RandomPolicySplitsTheBatchEquallyOverClasses()
    {
        var b = new RandomPolicy().Select(StudyGrid.Build(16), [], 301, 1, 1);
        Assert.Equal([101, 100, 100], b.ClassCounts());
    }

    [Fact]
    public void UncertaintyPolicyConcentratesWhereTheScoreIsHigh()
    {
        var grid = StudyGrid.Build(400);
        var b = new UncertaintyPolicy().Select(grid, FakeScores(grid), 3000, 9, 1);
        int near = b.Points.Count(p => p.Class == CrystalClass.Trigonal && Math.Abs(p.Alpha - 90) < 15);
        int trig = b.Points.Count(p => p.Class == CrystalClass.Trigonal);
        Assert.True(near > 0.5 * trig, $"{near} of {trig} trigonal points near α = 90");
        Assert.Throws<ArgumentException>(() => new UncertaintyPolicy().Select(grid, new Prediction[3], 10, 1, 1));
        Assert.Throws<HpcKit.Core.HpcKitUsageException>(() => AcquisitionPolicies.Create("bogus"));
    }
}
