using HpcKit.Phantom.Model;
using HpcKit.Phantom.Projection;
using HpcKit.Phantom.Training;

namespace HpcKit.Phantom.Experiments;

/// <summary>One configuration of E4 with its steps to ℓ* (trained here) and modelled per-step time and energy.</summary>
public sealed record SmallerRow(string Label, NetworkConfig Network, long Parameters, Summary Steps, StepCost PerStep, Summary Joules, Summary Seconds,
    IReadOnlyList<TrainResult> Runs);

/// <summary>
/// E4, "smaller PP model on fewer ranks": a TP(n, p) reference sets ℓ*; every PP(n', p', k) candidate trains to it.
/// Steps to ℓ* are trained (numerics do not depend on timing); because the reference uses more ranks than this host
/// has cores, time and energy per step come from the §6 model (γ calibrated on this host, α, β and power from a
/// preset), so every joule here is Modelled: E(ℓ*) = N(ℓ*) · E_step.
/// </summary>
public sealed class SmallerExperiment
{
    public required TrainOptions Base { get; init; }

    public required NetworkConfig Reference { get; init; }

    public required IReadOnlyList<NetworkConfig> Candidates { get; init; }

    public required int Seeds { get; init; }

    public required CostPreset Preset { get; init; }

    public StepCostModel.Gamma Gamma { get; init; } = StepCostModel.Host;

    public (double Target, IReadOnlyList<SmallerRow> Rows) Run(Action<string>? log = null, Action<int>? onStep = null)
    {
        var refRuns = new List<TrainResult>();
        for (int s = 1; s <= Seeds; s++)
        {
            refRuns.Add(RunLauncher.Train(Options(Reference, s, null), onStep: onStep));
            log?.Invoke($"reference {Label(Reference)} seed {s}: final validation loss {refRuns[^1].FinalValidationLoss:G4}");
        }
        double target = StoppingRule.TargetFrom(refRuns.Select(r => r.Trace).ToList(), Base.Steps);
        var rows = new List<SmallerRow> { Row(Reference, refRuns.Select(r => Reread(r, target)).ToList()) };
        foreach (var c in Candidates)
        {
            var runs = new List<TrainResult>();
            for (int s = 1; s <= Seeds; s++)
            {
                runs.Add(RunLauncher.Train(Options(c, s, target), onStep: onStep));
                log?.Invoke($"{Label(c)} seed {s}: N(ℓ*) {runs[^1].AtTarget?.Step.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "not reached"}");
            }
            rows.Add(Row(c, runs));
        }
        return (target, rows);
    }

    /// <summary>"TP(n=…, p=…)" or "PP(n=…, p=…, k=…)".</summary>
    public static string Label(NetworkConfig c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return c.Mode == ParallelMode.Phantom ? $"PP(n={c.Width}, p={c.Ranks}, k={c.Ghosts})" : $"TP(n={c.Width}, p={c.Ranks})";
    }

    private TrainOptions Options(NetworkConfig c, int seed, double? target) => Base with
    {
        Network = c with { Batch = Base.Network.Batch, Layers = Base.Network.Layers, Activation = Base.Network.Activation, Seed = (ulong)seed },
        DataSeed = (ulong)seed,
        TargetLoss = target,
        StopAtTarget = target.HasValue,
        Energy = "model",
    };

    private SmallerRow Row(NetworkConfig c, IReadOnlyList<TrainResult> runs)
    {
        var shaped = runs[0].Network;
        var cost = StepCostModel.Step(shaped, Preset, Gamma);
        return new SmallerRow(Label(c), shaped, runs[0].ParametersAllRanks, Summary.Of(runs.Select(r => (double?)r.AtTarget?.Step)), cost,
            Summary.Of(runs.Select(r => r.AtTarget == null ? null : (double?)(r.AtTarget.Step * cost.Joules))),
            Summary.Of(runs.Select(r => r.AtTarget == null ? null : (double?)(r.AtTarget.Step * cost.StepSeconds))), runs);
    }

    private static TrainResult Reread(TrainResult r, double target)
    {
        int i = StoppingRule.IndexOfTarget(r.Trace.Select(e => e.ValidationLoss).ToList(), target);
        return r with { TargetLoss = target, AtTarget = i >= 0 ? r.Trace[i] : null };
    }
}
