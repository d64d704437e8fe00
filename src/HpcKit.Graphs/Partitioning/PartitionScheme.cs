namespace HpcKit.Graphs.Partitioning;

/// <summary>How rows are split among P ranks (spec §4.3).</summary>
public enum PartitionScheme
{
    /// <summary>Naive consecutive: rows [⌊i·n/P⌋, ⌊(i+1)·n/P⌋).</summary>
    Unp,

    /// <summary>Round-robin: rows u ≡ i (mod P).</summary>
    Rrp,

    /// <summary>Cost-balanced consecutive: boundaries from exact prefix costs (default).</summary>
    Ucp,
}
