namespace HpcKit.Phantom.Accounting;

/// <summary>
/// Per-rank, per-training-step quantities (spec §6), either from the closed form or counted in a run. Words are
/// elements; bytes = words × s. Hidden per-layer figures are for one hidden layer.
/// </summary>
public sealed record StepCounts
{
    /// <summary>GEMM FLOPs of a whole step (input layer + L hidden layers + head, forward and backward).</summary>
    public long GemmFlops { get; init; }

    /// <summary>Words this rank sends in a step (hidden collectives + head all-reduce).</summary>
    public long WordsSent { get; init; }

    /// <summary>Words this rank receives in a step.</summary>
    public long WordsReceived { get; init; }

    /// <summary>Collective calls in a step.</summary>
    public long Collectives { get; init; }

    /// <summary>Weights of one hidden layer on this rank, biases excluded.</summary>
    public long HiddenWeightsPerLayer { get; init; }

    /// <summary>Activation elements one hidden layer keeps for backward.</summary>
    public long HiddenKeptActivationsPerLayer { get; init; }
}
