using HpcKit.Graphs.Partitioning;

namespace HpcKit.Graphs.Generation;

/// <summary>How a generation run partitions and where its edges go.</summary>
public sealed record GenerateRequest
{
    /// <summary>Partitioning scheme (default UCP).</summary>
    public PartitionScheme Scheme { get; init; } = PartitionScheme.Ucp;

    /// <summary>Output format (default count-only).</summary>
    public EdgeFormat Format { get; init; } = EdgeFormat.Count;

    /// <summary>Output path (one merged file), or the prefix source of per-rank files.</summary>
    public string? Out { get; init; }

    /// <summary>One file per rank, <c>&lt;prefix&gt;.r&lt;rank:D5&gt;.&lt;ext&gt;</c>, plus a manifest.</summary>
    public bool PerRankFiles { get; init; }

    /// <summary>Binary output with int64 ids even when n &lt; 2³¹.</summary>
    public bool ForceInt64 { get; init; }

    /// <summary>Compute the fingerprint in count-only mode (always computed when writing).</summary>
    public bool Fingerprint { get; init; } = true;

    /// <summary>Write `#` header lines at the top of TSV output.</summary>
    public bool TsvHeader { get; init; }

    /// <summary>Compute each rank's modelled cost for the report (O(n) per rank).</summary>
    public bool ModelCosts { get; init; } = true;

    /// <summary>Called with a number of rows just finished (progress bars); may be called from any rank thread.</summary>
    public Action<long>? Progress { get; init; }

    /// <summary>Refuse METIS output whose in-memory adjacency would exceed this many bytes.</summary>
    public long MaxMemoryBytes { get; init; } = 8L << 30;
}
