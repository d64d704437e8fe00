using HpcKit.Diffraction.ActiveLearning;

namespace HpcKit.Diffraction.Tests.ActiveLearning;

public class WorkflowTests
{
    private static readonly AlPreset Preset = new("t", 12, 6, 6, 16, 30, 3, [1], 8, "compact");

    private static WorkflowResult Run(WorkflowMode mode, bool published, Func<int, int> simDelay, out RecordingModel model, int trainDelay = 0)
    {
        RecordingModel? m = null;
        var r = WorkflowRunner.Run(Preset, new SlowSimulator(48, simDelay), _ => m = new RecordingModel { TrainDelayMs = trainDelay },
            new UncertaintyPolicy(), 5, new WorkflowOptions(mode, PublishedBatches: published) { Channel = new StreamingOptions(4, 2) });
        model = m!;
        return r;
    }

    [Fact]
    public void StreamingTrainsOnBasePlusALPlusEarlierStreamsAndEndsWithEverything()
    {
        var r = Run(WorkflowMode.Streaming, false, _ => 0, out var model);
        int n0 = 3 * Preset.BasePerClass;
        var b = r.Batches.Select(x => x.Points.Length).ToArray();
        int Now(int k) => (int)Math.Ceiling(0.43 * b[k - 1]);
        Assert.Equal([0, 1, 2, 3], model.Phases.Select(p => p.Phase));
        Assert.Equal(n0, model.Phases[0].Count);
        Assert.Equal(n0 + Now(1), model.Phases[1].Count);                 // stream₁ not yet joined
        Assert.Equal(n0 + b[0] + Now(2), model.Phases[2].Count);          // stream₁ joined at the boundary
        Assert.Equal(n0 + b[0] + b[1] + b[2], model.Phases[3].Count);     // final phase fully simulated
        Assert.Equal(n0 + b.Sum(), r.TrainPatterns);
        Assert.All(r.Batches, x => Assert.Equal(Preset.BatchM, x.Points.Length + x.Rejected));
        // Sample ids are 0..N−1: each simulated pattern reached training exactly once.
        long n = r.TrainPatterns;
        Assert.Equal(n * (n - 1) / 2, model.Phases[3].IdSum);
    }

    [Fact]
    public void SerialUsesEveryBatchInItsOwnPhaseAndPublishedVariantEnlargesEarlyBatches()
    {
        var r = Run(WorkflowMode.Serial, false, _ => 0, out var model);
        var b = r.Batches.Select(x => x.Points.Length).ToArray();
        int n0 = 3 * Preset.BasePerClass;
        Assert.Equal(n0 + b[0], model.Phases[1].Count);
        Assert.Equal(n0 + b.Sum(), model.Phases[3].Count);
        var p = Run(WorkflowMode.Streaming, true, _ => 0, out _);
        Assert.Equal([42, 42, 30], p.Batches.Select(x => x.Requested));
    }

    [Fact]
    public void StreamingResultsDoNotDependOnTiming()
    {
        var fast = Run(WorkflowMode.Streaming, false, _ => 0, out var m1);
        var slow = Run(WorkflowMode.Streaming, false, k => k % 3 == 0 ? 2 : 0, out var m2, trainDelay: 5);
        Assert.Equal(m1.Phases, m2.Phases);
        for (int i = 0; i < fast.Batches.Count; i++) Assert.Equal(fast.Batches[i].Points, slow.Batches[i].Points);
    }

    [Theory]
    [InlineData(WorkflowMode.Serial)]
    [InlineData(WorkflowMode.Streaming)]
    public void StagesTileTheMakespanWithoutOverlapInsideALane(WorkflowMode mode)
    {
        var r = Run(mode, false, k => k % 4 == 0 ? 1 : 0, out _, trainDelay: 3);
        foreach (var lane in r.Stages.GroupBy(s => s.Lane))
        {
            var xs = lane.OrderBy(s => s.Start).ToList();
            for (int i = 1; i < xs.Count; i++) Assert.True(xs[i].Start >= xs[i - 1].End - 1e-9, $"{xs[i - 1].Stage} overlaps {xs[i].Stage}");
        }
        Assert.Equal(r.Stages.Max(s => s.End), r.Makespan);
        Assert.All(r.Lanes, l => Assert.InRange(l.Busy, 0, r.Makespan + 1e-9));
        Assert.All(r.Lanes, l => Assert.Equal(r.Makespan, l.Busy + l.Idle, 9));
        var kinds = r.Stages.Select(s => StageTimeline.StageKind(s.Stage)).ToHashSet();
        Assert.Superset(new HashSet<string> { "SimBase", "SimStudy", "Train", "Score", "Allocate", "SimAL" }, kinds.Where(k => k != "SimStream" && k != "Wait").ToHashSet());
        if (mode == WorkflowMode.Streaming) Assert.Contains("SimStream", kinds);
        else Assert.DoesNotContain("SimStream", kinds);
        Assert.Contains("Train", r.Gantt, StringComparison.Ordinal);
    }

    [Fact]
    public void SplitIsASeededPermutation()
    {
        var pts = ParameterSpace.UniformSet(10, 1, 1);
        var (now, later) = WorkflowRunner.Split(pts, 0.43, 9, 1);
        Assert.Equal(13, now.Length);
        Assert.Equal(pts.OrderBy(p => p.A).ToArray(), now.Concat(later).OrderBy(p => p.A).ToArray());
        Assert.Equal(now, WorkflowRunner.Split(pts, 0.43, 9, 1).Now);
        Assert.Throws<HpcKit.Core.HpcKitUsageException>(() => new WorkflowOptions(WorkflowMode.Streaming, StreamFraction: 1.5).Validate());
    }
}
