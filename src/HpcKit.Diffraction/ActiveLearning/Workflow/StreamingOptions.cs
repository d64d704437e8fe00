namespace HpcKit.Diffraction.ActiveLearning;

/// <summary>Channel settings of the streaming producer (spec §6): 32 patterns a chunk, 16 chunks of capacity.</summary>
public sealed record StreamingOptions(int ChunkSize = 32, int Capacity = 16)
{
    /// <summary>Test hook: called by the collector for each chunk it receives (e.g. to slow the consumer).</summary>
    public Action<PatternChunk>? OnCollect { get; init; }
}
