namespace HpcKit.Core.Comm;

/// <summary>Bytes one rank sends and receives in one collective call.</summary>
public readonly record struct ByteCost(long Sent, long Received);

/// <summary>
/// The documented cost model of every collective, per rank, in bytes (n = bytes of the full vector,
/// c = bytes of one rank's block, p = ranks):
/// <list type="bullet">
/// <item>Broadcast — binomial tree from the root: a non-root receives n; each rank sends n per child.</item>
/// <item>AllReduce — reduce-scatter then all-gather over the block split of <see cref="BlockRange"/>:
///       sent = received = (p−1)·c_r + (n − c_r); 2(p−1)n/p for equal blocks, as the ring algorithm.</item>
/// <item>AllGather (ring) — sent = received = (p−1)·c.</item>
/// <item>AllGatherV — sent = (p−1)·c_r, received = n − c_r.</item>
/// <item>ReduceScatter (ring) — sent = received = (p−1)·c.</item>
/// <item>ExclusiveScan — an all-gather of the inputs then a local prefix in rank order: (p−1)·c both ways.</item>
/// <item>AllToAll (pairwise) — sent = received = (p−1)·c.</item>
/// <item>Barrier — no payload.</item>
/// </list>
/// Both transports implement these data movements, so counters agree between threads and MPI.
/// </summary>
public static class CollectiveCost
{
    public static ByteCost Broadcast(long n, int p, int rank, int root)
    {
        int vr = (rank - root + p) % p;
        long sent = 0;
        for (int mask = 1; mask < p; mask <<= 1)
        {
            if (vr < mask && vr + mask < p) sent += n;
        }
        return new ByteCost(sent, vr == 0 ? 0 : n);
    }

    public static ByteCost AllReduce(long elements, int elementSize, int p, int rank)
    {
        long c = BlockRange.Of(elements, p, rank).Count * elementSize;
        long n = elements * elementSize;
        long b = (p - 1) * c + (n - c);
        return p == 1 ? default : new ByteCost(b, b);
    }

    public static ByteCost AllGather(long blockBytes, int p) => new((p - 1) * blockBytes, (p - 1) * blockBytes);

    public static ByteCost AllGatherV(long ownBytes, long totalBytes, int p) => new((p - 1) * ownBytes, totalBytes - ownBytes);

    public static ByteCost ReduceScatter(long blockBytes, int p) => new((p - 1) * blockBytes, (p - 1) * blockBytes);

    public static ByteCost ExclusiveScan(long blockBytes, int p) => new((p - 1) * blockBytes, (p - 1) * blockBytes);

    public static ByteCost AllToAll(long blockBytes, int p) => new((p - 1) * blockBytes, (p - 1) * blockBytes);
}
