using HpcKit.Phantom.Model;
using HpcKit.Phantom.Training;

namespace HpcKit.Phantom.Experiments;

/// <summary>
/// E3, matched width: TP(n, p) and PP(n, p, k) for each k, same data, optimizer, schedule and seeds. ℓ* is fixed from
/// the TP runs alone (median validation loss at 80% of the budget) before any PP run; each run's cost to ℓ* is read
/// from its trace (cumulative training seconds, FLOPs, bytes and joules at N(ℓ*)).
/// </summary>
public sealed class CompareExperiment
{
    public required TrainOptions Base { get; init; }

    public required IReadOnlyList<int> Ghosts { get; init; }

    public required int Seeds { get; init; }

    /// <summary>Runs TP first, then every PP configuration; <paramref name="onRun"/> reports each finished run.</summary>
    public CompareResult Run(Action<string>? onRun = null, Action<int>? onStep = null)
    {
        var tp = new List<TrainResult>();
        for (int s = 1; s <= Seeds; s++)
        {
            var r = RunLauncher.Train(WithSeed(Base, ParallelMode.Tensor, 0, s), onStep: onStep);
            tp.Add(r);
            onRun?.Invoke($"TP seed {s}: final validation loss {r.FinalValidationLoss:G4}");
        }
        double target = StoppingRule.TargetFrom(tp.Select(r => r.Trace).ToList(), Base.Steps);
        var groups = new List<MethodRuns> { new("TP", 0, tp.Select(r => Reread(r, target)).ToList()) };
        foreach (int k in Ghosts)
        {
            var runs = new List<TrainResult>();
            for (int s = 1; s <= Seeds; s++)
            {
                var r = RunLauncher.Train(WithSeed(Base, ParallelMode.Phantom, k, s) with { TargetLoss = target }, onStep: onStep);
                runs.Add(r);
                onRun?.Invoke($"PP k={k} seed {s}: final validation loss {r.FinalValidationLoss:G4}, N(ℓ*) {(r.AtTarget?.Step.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "not reached")}");
            }
            groups.Add(new MethodRuns($"PP k={k}", k, runs));
        }
        return new CompareResult(target, groups);
    }

    private static TrainOptions WithSeed(TrainOptions o, ParallelMode mode, int k, int seed) => o with
    {
        Network = o.Network with { Mode = mode, Ghosts = k == 0 ? o.Network.Ghosts : k, Seed = (ulong)seed },
        DataSeed = (ulong)seed,
        StopAtTarget = false,
    };

    private static TrainResult Reread(TrainResult r, double target)
    {
        int i = StoppingRule.IndexOfTarget(r.Trace.Select(e => e.ValidationLoss).ToList(), target);
        return r with { TargetLoss = target, AtTarget = i >= 0 ? r.Trace[i] : null };
    }
}

/// <summary>The runs of one method in an experiment.</summary>
public sealed record MethodRuns(string Label, int Ghosts, IReadOnlyList<TrainResult> Runs)
{
    public Summary Steps => Summary.Of(Runs.Select(r => (double?)r.AtTarget?.Step));

    public Summary Seconds => Summary.Of(Runs.Select(r => r.AtTarget?.Seconds));

    public Summary Joules => Summary.Of(Runs.Select(r => r.AtTarget?.Joules));

    public Summary Flops => Summary.Of(Runs.Select(r => r.AtTarget?.Flops));

    public Summary Bytes => Summary.Of(Runs.Select(r => r.AtTarget?.Bytes));

    public Summary StepSeconds => Summary.Of(Runs.Select(r => (double?)r.MedianStepSeconds));

    public Summary FinalLoss => Summary.Of(Runs.Select(r => (double?)r.FinalValidationLoss));
}

/// <summary>ℓ* and every method's runs.</summary>
public sealed record CompareResult(double Target, IReadOnlyList<MethodRuns> Methods);
