namespace HpcKit.Diffraction.ActiveLearning;

/// <summary>
/// How a workflow runs (spec §6). Serial runs every stage on <see cref="TotalThreads"/>. Streaming runs the
/// overlapped stages on the train lane (<see cref="TrainThreads"/>) and the sim lane (<see cref="SimThreads"/>),
/// and the stages that run alone on <see cref="TotalThreads"/>. Partitioned: 1 + 1 of 2 cores; time-shared:
/// 2 + 2. Equal-data: M in every round, f = 0.43. Published: M₁ = M₂ = 1.4M, M₃ = M, f = 0.43 (or 1.2, 0.5).
/// </summary>
public sealed record WorkflowOptions(WorkflowMode Mode, int TotalThreads = 2, int SimThreads = 1, int TrainThreads = 1,
    bool PublishedBatches = false, double BatchFactor = 1.4, double StreamFraction = 0.43)
{
    /// <summary>Channel settings of the streamed simulation.</summary>
    public StreamingOptions Channel { get; init; } = new();

    /// <summary>Batch size of round k of R.</summary>
    public int BatchSize(int m, int round, int rounds) =>
        Mode == WorkflowMode.Streaming && PublishedBatches && round < rounds ? (int)Math.Round(BatchFactor * m) : m;

    /// <summary>Throws when a setting is out of range.</summary>
    public WorkflowOptions Validate()
    {
        if (TotalThreads < 1 || SimThreads < 1 || TrainThreads < 1) throw new Core.HpcKitUsageException("thread counts must be at least 1");
        if (!(StreamFraction is >= 0 and <= 1)) throw new Core.HpcKitUsageException($"stream fraction f must lie in [0, 1] (got {StreamFraction})");
        if (!(BatchFactor >= 1)) throw new Core.HpcKitUsageException($"batch factor must be at least 1 (got {BatchFactor})");
        return this;
    }
}
