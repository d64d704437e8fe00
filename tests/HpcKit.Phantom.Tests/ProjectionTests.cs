using HpcKit.Core;
using HpcKit.Phantom.Experiments;
using HpcKit.Phantom.Model;
using HpcKit.Phantom.Projection;

namespace HpcKit.Phantom.Tests;

/// <summary>Spec §6 time/energy models and §10.9 labels: the model reproduces the formulas exactly; every E5 row is a projection.</summary>
public class ProjectionTests
{
    private static readonly StepCostModel.Gamma Flat = (_, _, _) => 1e-11;

    [Fact]
    public void StepModelReproducesTheFormulas()
    {
        var preset = CostPreset.IllustrativeGpuCluster;
        var c = new NetworkConfig { Mode = ParallelMode.Phantom, Width = 64, Ranks = 4, Ghosts = 2, Layers = 3, Batch = 8, InputDim = 5, OutputDim = 3 };
        var cost = StepCostModel.Step(c, preset, Flat);
        long B = 8, n = 64, p = 4, m = 16, k = 2, L = 3, N = B * 3;
        double F = 4.0 * B * 5 * m + 6.0 * B * L * (m * m + p * k * m) + 6.0 * B * m * 3;
        // N = 24 divides over p = 4: N_r = 6, head words N + (p−2)N_r = 36 = 2(p−1)N/p.
        double head = 2 * (p - 1) * preset.Alpha + 36 * 4 * preset.Beta;
        double t = 1e-11 * F + 2 * L * (p - 1) * (preset.Alpha + B * k * 4 * preset.Beta) + head;
        Assert.Equal(t, cost.StepSeconds, 15);
        double words = 2 * L * (p - 1) * B * k + 36;
        double e = p * (preset.StaticWatts * t + preset.JoulesPerFlop * F + preset.JoulesPerByte * 4 * words);
        Assert.Equal(e, cost.Joules, 9);
        Assert.Equal(p * F, cost.FlopsAllRanks);
        Assert.Equal(p * words * 4, cost.BytesAllRanks);
        var tp = StepCostModel.Step(c with { Mode = ParallelMode.Tensor }, preset, Flat);
        double ttp = 1e-11 * (4.0 * B * 5 * m + 6.0 * B * L * n * m + 6.0 * B * m * 3) + 2 * L * (p - 1) * (preset.Alpha + B * m * 4 * preset.Beta) + head;
        Assert.Equal(ttp, tp.StepSeconds, 15);
    }

    [Fact]
    public void EveryRowIsLabelledProjection()
    {
        var shape = new NetworkConfig { Width = 4096, Layers = 2, Batch = 256, InputDim = 64, OutputDim = 4, Ranks = 1 };
        var rows = ProjectionTable.Build(shape, ProjectionTable.ParseRanks("2..256"), [8, 32], CostPreset.IllustrativeGpuCluster, Flat);
        Assert.Equal(8 * 2 - 1, rows.Count); // k = 32 > m = 16 at p = 256 is skipped
        Assert.All(rows, r => Assert.Equal("projection", r.Kind));
        Assert.All(rows, r => Assert.Equal(CostPreset.IllustrativeGpuCluster.Name, r.Preset));
        // The p = 256, k = 8 row of the spec's table: FLOP ratio 0.50390625 at flat γ and no edge layers dominates the compute.
        var last = rows.Single(r => r.Ranks == 256 && r.Ghosts == 8);
        Assert.True(last.Pp.BytesAllRanks < last.Tp.BytesAllRanks);
    }

    [Fact]
    public void RankListsParse()
    {
        Assert.Equal([2, 4, 8, 16, 32, 64, 128, 256], ProjectionTable.ParseRanks("2..256"));
        Assert.Equal([3, 5], ProjectionTable.ParseRanks("3,5"));
        Assert.Throws<HpcKitUsageException>(() => ProjectionTable.ParseRanks("8..2"));
        Assert.Throws<HpcKitUsageException>(() => ProjectionTable.ParseList("4,x", "--ghosts"));
        Assert.Throws<HpcKitUsageException>(() => CostPreset.Named("nope"));
    }

    [Fact]
    public void SummaryReportsNotReached()
    {
        var s = Summary.Of([null, 3.0, 1.0, null]);
        Assert.Equal(2.0, s.Median);
        Assert.Equal(2, s.Reached);
        Assert.Equal(4, s.Runs);
        Assert.StartsWith("not reached", Summary.Of([null, null]).ToString(), StringComparison.Ordinal);
    }
}
