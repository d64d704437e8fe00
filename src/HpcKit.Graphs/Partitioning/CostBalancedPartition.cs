using HpcKit.Core.Comm;
using HpcKit.Graphs.Model;

namespace HpcKit.Graphs.Partitioning;

/// <summary>
/// UCP boundaries (spec §4.4): b_j = min{u : P·E(u) ≥ j·C}, E(u) = Σ_{x&lt;u} c_x, with b₀ = 0 and b_P = n.
/// <see cref="Compute"/> works in parallel: each rank handles an equal-node slice (weight sums, costs, local
/// prefix), two all-gathers of P Int128 totals give offsets, each boundary is found by a scan of the one
/// slice that holds it (a second pass over the slice recomputes the costs, so memory is O(P)), and an
/// all-gather-v shares the P − 1 boundaries. O(n/P + P) time per rank; exact integers
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

        Int128 localCost = 0;
        Int128 pre = before;
        for (long u = lo; u < hi; u++)
        {
            localCost += RowCost.Quantised(model, (int)u, pre);
            pre += ChungLuModel.FixedWeight(w[(int)u]);
        }
        var costTotals = new Int128[p];
        comm.AllGather<Int128>([localCost], costTotals);
        return Boundaries(model, n, p, costTotals, me, lo, hi, before, comm);
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

    private static long[] Boundaries(ChungLuModel model, long n, int p, Int128[] costTotals, int me, long lo, long hi, Int128 weightBefore, ICommunicator comm)
    {
        var offsets = new Int128[p + 1];
        for (int i = 0; i < p; i++) offsets[i + 1] = offsets[i] + costTotals[i];
        Int128 c = offsets[p];
        // owner of b_j: the smallest slice i with P·E(end of slice i) ≥ j·C
        var counts = new int[p];
        var targets = new List<Int128>();
        int owner = 0;
        for (int j = 1; j < p; j++)
        {
            Int128 target = (Int128)j * c;
            while (owner < p && (Int128)p * offsets[owner + 1] < target) owner++;
            if (owner >= p) owner = p - 1;
            counts[owner]++;
            if (owner == me) targets.Add(target);
        }
        // one more pass over the slice, recomputing the same quantised costs (O(1) memory): the boundary for a
        // target is the smallest u in (lo, hi] with P·E(u) ≥ target, E(u) = offsets[me] + Σ_{lo ≤ x < u} c_x
        var mine = new long[targets.Count];
        int t = 0;
        Int128 e = offsets[me], pre = weightBefore;
        var w = model.SortedWeights;
        for (long u = lo; u < hi && t < targets.Count; u++)
        {
            e += RowCost.Quantised(model, (int)u, pre);
            pre += ChungLuModel.FixedWeight(w[(int)u]);
            while (t < targets.Count && (Int128)p * e >= targets[t]) mine[t++] = u + 1;
        }
        while (t < targets.Count) mine[t++] = hi;
        var all = new long[Math.Max(0, p - 1)];
        comm.AllGatherV<long>(mine, all, counts);
        var b = new long[p + 1];
        b[p] = n;
        for (int j = 1; j < p; j++) b[j] = all[j - 1];
        return b;
    }
}
