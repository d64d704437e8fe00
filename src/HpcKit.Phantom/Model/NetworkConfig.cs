using HpcKit.Core;

namespace HpcKit.Phantom.Model;

/// <summary>
/// Shape of a model-parallel FFN: input d_in → n, L hidden n → n layers, head n → d_out, over p ranks with
/// m = n/p real neurons and k ghosts per rank per hidden layer.
/// </summary>
public sealed record NetworkConfig
{
    public ParallelMode Mode { get; init; } = ParallelMode.Phantom;

    /// <summary>Hidden width n.</summary>
    public int Width { get; init; } = 128;

    /// <summary>Ranks p in the model-parallel group.</summary>
    public int Ranks { get; init; } = 2;

    /// <summary>Ghosts k per rank per hidden layer (PP only).</summary>
    public int Ghosts { get; init; } = 8;

    /// <summary>Hidden n → n layers L.</summary>
    public int Layers { get; init; } = 2;

    /// <summary>Batch rows B per step.</summary>
    public int Batch { get; init; } = 32;

    public int InputDim { get; init; } = 64;

    public int OutputDim { get; init; } = 4;

    public Activation Activation { get; init; } = Activation.Relu;

    /// <summary>Model seed (initial weights).</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Replace the backward reduce-scatter by an all-reduce of the whole buffer and a slice (the spec's fallback).</summary>
    public bool EmulateNoReduceScatter { get; init; }

    /// <summary>Allow k &gt; m (only useful to show representability; it costs more than TP).</summary>
    public bool AllowWideGhosts { get; init; }

    /// <summary>Real neurons per rank, m = n/p.</summary>
    public int M => Width / Ranks;

    /// <summary>Throws <see cref="HpcKitUsageException"/> with one clear line if the shape is not allowed.</summary>
    public void Validate()
    {
        if (Ranks < 1) throw new HpcKitUsageException($"ranks p must be at least 1 (got {Ranks})");
        if (Width < 1) throw new HpcKitUsageException($"width n must be at least 1 (got {Width})");
        if (Width % Ranks != 0) throw new HpcKitUsageException($"width n = {Width} is not divisible by ranks p = {Ranks}");
        if (Layers < 0) throw new HpcKitUsageException($"layers L must be non-negative (got {Layers})");
        if (Batch < 1) throw new HpcKitUsageException($"batch B must be at least 1 (got {Batch})");
        if (InputDim < 1 || OutputDim < 1) throw new HpcKitUsageException($"d_in and d_out must be at least 1 (got {InputDim}, {OutputDim})");
        if (Mode == ParallelMode.Phantom)
        {
            if (Ghosts < 1) throw new HpcKitUsageException($"ghosts k must be at least 1 (got {Ghosts})");
            if (Ghosts > M && !AllowWideGhosts)
                throw new HpcKitUsageException($"ghosts k = {Ghosts} exceed m = n/p = {M}: PP would cost more than TP; use k ≤ m (or allow wide ghosts explicitly)");
        }
        if (Mode == ParallelMode.Megatron && Layers % 2 != 0)
            throw new HpcKitUsageException($"Megatron pairing needs an even number of hidden layers (got L = {Layers})");
    }
}
