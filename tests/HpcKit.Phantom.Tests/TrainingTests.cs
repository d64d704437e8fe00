using HpcKit.Core.Comm;
using HpcKit.Phantom.Model;
using HpcKit.Phantom.Training;

namespace HpcKit.Phantom.Tests;

/// <summary>Spec §10.7/§10.9: training is deterministic, learns, reports counts equal to the closed form, and N(ℓ*) is right.</summary>
public class TrainingTests
{
    private static TrainOptions Smoke(ParallelMode mode, int p, TaskKind task = TaskKind.Regression) => new()
    {
        Network = new NetworkConfig { Mode = mode, Width = 48, Ranks = p, Ghosts = 4, Layers = 2, Batch = 32, Seed = 3 },
        Task = task, Steps = 100, WarmupSteps = 10, EvalEvery = 25, ValidationSize = 256, DataSeed = 5, Energy = "model",
    };

    [Theory]
    [InlineData(ParallelMode.Phantom, TaskKind.Regression)]
    [InlineData(ParallelMode.Tensor, TaskKind.Regression)]
    [InlineData(ParallelMode.Phantom, TaskKind.Classification)]
    public void SmokeRunLearnsAndCountsMatch(ParallelMode mode, TaskKind task)
    {
        var o = Smoke(mode, 2, task);
        var runs = Ranks.Run(2, c => Trainer.Run(c, o), RankTransport.Threads);
        var r = runs[0];
        Assert.Equal(4, r.Trace.Count);
        Assert.True(r.Trace[^1].ValidationLoss < r.Trace[0].ValidationLoss || r.Trace[^1].ValidationLoss < 0.9 * r.StepLosses[0]);
        Assert.Equal(r.ClosedForm, r.Counted);
        Assert.Equal(runs[0].StepLosses, runs[1].StepLosses);
        Assert.StartsWith("model", r.EnergySource, StringComparison.Ordinal);
        Assert.True(r.TrainJoules > 0);
        if (task == TaskKind.Classification) Assert.InRange(r.Trace[^1].Accuracy!.Value, 0.0, 1.0);
    }

    [Fact]
    public void TwoThreadRunsGiveIdenticalLosses()
    {
        var o = Smoke(ParallelMode.Phantom, 3) with { Steps = 30 };
        var a = Ranks.Run(3, c => Trainer.Run(c, o), RankTransport.Threads)[0];
        var b = Ranks.Run(3, c => Trainer.Run(c, o), RankTransport.Threads)[0];
        Assert.Equal(a.StepLosses, b.StepLosses);
        Assert.Equal(a.Trace.Select(e => e.ValidationLoss), b.Trace.Select(e => e.ValidationLoss));
    }

    [Fact]
    public void StoppingRuleNeedsTwoConsecutiveEvaluations()
    {
        Assert.Equal(2, StoppingRule.IndexOfTarget([3.0, 1.0, 0.9, 0.8], 1.0 - 1e-9));
        Assert.Equal(1, StoppingRule.IndexOfTarget([3.0, 1.0, 1.0, 2.0], 1.0));
        Assert.Equal(-1, StoppingRule.IndexOfTarget([3.0, 0.5, 2.0, 0.5], 1.0));
        Assert.Equal(-1, StoppingRule.IndexOfTarget([3.0, 2.0, 0.5], 1.0));
        Assert.Equal(-1, StoppingRule.IndexOfTarget([], 1.0));
    }

    [Fact]
    public void TargetIsMedianAtEightyPercent()
    {
        static List<Evaluation> Run(params double[] v) => v.Select((l, i) => new Evaluation((i + 1) * 25, l, null, l, 0, 0, 0, 0)).ToList();
        var runs = new List<IReadOnlyList<Evaluation>> { Run(5, 4, 3, 2), Run(5, 4, 1, 2), Run(5, 4, 7, 2) };
        Assert.Equal(3.0, StoppingRule.TargetFrom(runs, 100)); // 80 steps → evaluation at 75
    }

    [Fact]
    public void StopsAtConfirmedTarget()
    {
        var o = Smoke(ParallelMode.Tensor, 2) with { TargetLoss = 1e9, StopAtTarget = true };
        var r = Ranks.Run(2, c => Trainer.Run(c, o), RankTransport.Threads)[0];
        Assert.Equal(50, r.StepsRun);
        Assert.Equal(25, r.AtTarget!.Step);
        var miss = Ranks.Run(2, c => Trainer.Run(c, o with { TargetLoss = -1 }), RankTransport.Threads)[0];
        Assert.Null(miss.AtTarget);
    }
}
