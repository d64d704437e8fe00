using HpcKit.Core.Comm;
using HpcKit.Graphs.Model;

namespace HpcKit.Graphs.Partitioning;

/// <summary>
/// UCP boundaries (spec §4.4): b_j = min{u : P·E(u) ≥ j·C}, E(u) = Σ_{x&lt;u} c_x, with b₀ = 0 and b_P = n.
/// <see cref="Compute"/> works in parallel: each rank handles an equal-node slice (weight sums, costs, local
/// prefix), two all-gathers of P Int128 totals give offsets, each boundary is found by binary search in the one
/// slice that holds it, and an all-gather-v shares the P − 1 boundaries. O(n/P + P) per rank; exact integers
/// throughout, so the result equals <see cref="Sequential"/> for every P and transport.
/// </summary>
public static class CostBalancedPartition
{
    /// <summary>The P + 1 boundaries, computed collectively on <paramref name="comm"/>.</summary>
    public static long[] Compute(ICommunicator comm, ChungLuModel model)
    {
        ArgumentNullException.ThrowIfNull(comm);
        ArgumentNullException.ThrowIfNull(model);
        int p = comm.Size, me = comm.Rank;
        long n = model.N;
        long lo = RowAssignment.Equal(n, p, me), hi = RowAssignment.Equal(n, p, me + 1);
        var w = model.SortedWeights;

        Int128 local = 0;
        for (long u = lo; u < hi; u++) local += ChungLuModel.FixedWeight(w[(int)u]);
        var totals = new Int128[p];
        comm.AllGather<Int128>([local], totals);
        Int128 before = 0;
        for (int i = 0; i < me; i++) before += totals[i];

        var prefix = new Int128[hi - lo + 1];
        Int128 pre = before;
        for (long u = lo; u < hi; u++)
        {
            prefix[u - lo + 1] = prefix[u - lo] + RowCost.Quantised(model, (int)u, pre);
            pre += ChungLuModel.FixedWeight(w[(int)u]);
        }
        var costTotals = new Int128[p];
        comm.AllGather<Int128>([prefix[^1]], costTotals);
        return Boundaries(n, p, costTotals, me, prefix, comm);
    }

    /// <summary>The same boundaries computed in one process (reference and large logical P).</summary>
    public static long[] Sequential(ChungLuModel model, int ranks)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (ranks < 1) throw new ArgumentOutOfRangeException(nameof(ranks));
        var costs = RowCost.All(model);
        long n = model.N;
        var prefix = new Int128[n + 1];
        for (long u = 0; u < n; u++) prefix[u + 1] = prefix[u] + costs[u];
        Int128 c = prefix[n];
        var b = new long[ranks + 1];
        b[ranks] = n;
        long cursor = 0;
        for (int j = 1; j < ranks; j++)
        {
            Int128 target = (Int128)j * c;
            while (cursor < n && (Int128)ranks * prefix[cursor] < target) cursor++;
            b[j] = cursor;
        }
        return b;
    }

    private static long[] Boundaries(long n, int p, Int128[] costTotals, int me, Int128[] prefix, ICommunicator comm)
    {
        Int128 c = 0;
        var offsets = new Int128[p + 1];
        for (int i = 0; i < p; i++) offsets[i + 1] = offsets[i] + costTotals[i];
        c = offsets[p];
        // owner of b_j: the smallest slice i with P·E(end of slice i) ≥ j·C; nobody when C = 0 or none
        var counts = new int[p];
        var mine = new List<long>();
        int owner = 0;
        for (int j = 1; j < p; j++)
        {
            Int128 target = (Int128)j * c;
            while (owner < p && (Int128)p * offsets[owner + 1] < target) owner++;
            if (owner >= p) owner = p - 1;
            counts[owner]++;
            if (owner == me)
            {
                long lo = RowAssignment.Equal(n, p, me);
                // smallest k in [0, len] with P·(E_me + prefix[k]) ≥ target
                int a = 0, bnd = prefix.Length - 1;
                while (a < bnd)
                {
                    int mid = (a + bnd) >> 1;
                    if ((Int128)p * (offsets[me] + prefix[mid]) >= target) bnd = mid;
                    else a = mid + 1;
                }
                mine.Add(lo + a);
            }
        }
        var all = new long[Math.Max(0, p - 1)];
        comm.AllGatherV<long>(mine.ToArray(), all, counts);
        var b = new long[p + 1];
        b[p] = n;
        for (int j = 1; j < p; j++) b[j] = all[j - 1];
        return b;
    }
}
