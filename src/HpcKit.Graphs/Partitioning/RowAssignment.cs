namespace HpcKit.Graphs.Partitioning;

/// <summary>The rows one rank generates: First, First + Step, … below End (sorted positions).</summary>
public readonly record struct RowAssignment(long First, long End, long Step)
{
    /// <summary>Number of rows.</summary>
    public long Count => End <= First ? 0 : (End - First + Step - 1) / Step;

    /// <summary>Rank <paramref name="rank"/>'s rows under UNP or RRP (UCP needs boundaries).</summary>
    public static RowAssignment Simple(PartitionScheme scheme, long n, int rank, int ranks) => scheme switch
    {
        PartitionScheme.Rrp => new RowAssignment(rank, n, ranks),
        _ => new RowAssignment(Equal(n, ranks, rank), Equal(n, ranks, rank + 1), 1),
    };

    /// <summary>⌊i·n/P⌋ without overflow.</summary>
    public static long Equal(long n, int parts, int i) => (long)((Int128)n * i / parts);

    /// <summary>The rank that owns row u under a scheme with the given boundaries (UCP) or none (UNP, RRP).</summary>
    public static int Owner(PartitionScheme scheme, long n, int ranks, long u, ReadOnlySpan<long> boundaries)
    {
        switch (scheme)
        {
            case PartitionScheme.Rrp:
                return (int)(u % ranks);
            case PartitionScheme.Unp:
                {
                    int r = (int)((Int128)u * ranks / Math.Max(1, n));
                    while (r + 1 < ranks && Equal(n, ranks, r + 1) <= u) r++;
                    while (r > 0 && Equal(n, ranks, r) > u) r--;
                    return r;
                }
            default:
                {
                    int lo = 0, hi = ranks - 1; // largest r with boundaries[r] <= u
                    while (lo < hi)
                    {
                        int mid = (lo + hi + 1) >> 1;
                        if (boundaries[mid] <= u) lo = mid;
                        else hi = mid - 1;
                    }
                    return lo;
                }
        }
    }
}
