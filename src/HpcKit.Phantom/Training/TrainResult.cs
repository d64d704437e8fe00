using HpcKit.Phantom.Accounting;
using HpcKit.Phantom.Model;

namespace HpcKit.Phantom.Training;

/// <summary>
/// What one run produced, as seen by rank 0: the loss trace, per-step counts (counted and closed form), median step
/// time, and time/FLOPs/bytes/energy to the target with the meter's source. Energy excludes evaluation, which is
/// reported separately.
/// </summary>
public sealed record TrainResult
{
    public required NetworkConfig Network { get; init; }

    public required TaskKind Task { get; init; }

    public required ulong DataSeed { get; init; }

    public required string Transport { get; init; }

    public required IReadOnlyList<Evaluation> Trace { get; init; }

    /// <summary>Training losses of every step (identical on every rank).</summary>
    public required double[] StepLosses { get; init; }

    public required int StepsRun { get; init; }

    /// <summary>Counted per-step quantities on rank 0.</summary>
    public required StepCounts Counted { get; init; }

    /// <summary>Closed-form per-step quantities on rank 0.</summary>
    public required StepCounts ClosedForm { get; init; }

    /// <summary>Median seconds per training step (rank 0, first step excluded).</summary>
    public required double MedianStepSeconds { get; init; }

    /// <summary>Training seconds summed over steps (rank 0).</summary>
    public required double TrainSeconds { get; init; }

    /// <summary>FLOPs of a step summed over ranks.</summary>
    public required long FlopsPerStepAllRanks { get; init; }

    /// <summary>Bytes sent in a step summed over ranks.</summary>
    public required long BytesPerStepAllRanks { get; init; }

    public required double TrainJoules { get; init; }

    public required double EvalJoules { get; init; }

    /// <summary>The energy meter's source line (e.g. "model: …").</summary>
    public required string EnergySource { get; init; }

    public required bool EnergyMeasured { get; init; }

    public required bool ReduceScatterEmulated { get; init; }

    public double? TargetLoss { get; init; }

    /// <summary>The evaluation N(ℓ*), or null when not reached.</summary>
    public Evaluation? AtTarget { get; init; }

    /// <summary>Final validation loss.</summary>
    public double FinalValidationLoss => Trace.Count == 0 ? double.NaN : Trace[^1].ValidationLoss;

    /// <summary>Weights (all tensors, biases included) summed over ranks.</summary>
    public required long ParametersAllRanks { get; init; }
}
