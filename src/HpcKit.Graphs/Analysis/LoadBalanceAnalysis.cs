using System.Diagnostics;
using HpcKit.Graphs.Generation;
using HpcKit.Graphs.Model;
using HpcKit.Graphs.Partitioning;

namespace HpcKit.Graphs.Analysis;

/// <summary>
/// Exact per-logical-rank work of UNP, RRP and UCP for any P on one machine (spec §8): modelled cost, rows,
/// candidates and edges per rank, and (timed) the simulated makespan max_i T_i with the speed-up T_seq / max_i T_i,
/// T measured as thread CPU time so that a shared machine disturbs it less.
/// Memory O(n + P).
/// </summary>
public sealed class LoadBalanceAnalysis
{
    private LoadBalanceAnalysis(int ranks) => Ranks = ranks;

    /// <summary>Logical rank count P.</summary>
    public int Ranks { get; }

    /// <summary>Per scheme (indexed by <see cref="PartitionScheme"/>) and rank: modelled cost in candidate units.</summary>
    public double[][] Cost { get; } = new double[3][];

    /// <summary>Rows per rank.</summary>
    public long[][] Rows { get; } = new long[3][];

    /// <summary>Candidates per rank (counted modes).</summary>
    public long[][] Candidates { get; } = new long[3][];

    /// <summary>Edges per rank (counted modes).</summary>
    public long[][] Edges { get; } = new long[3][];

    /// <summary>Thread CPU seconds per rank when run alone (timed mode; wall time where no thread clock exists).</summary>
    public double[][] Seconds { get; } = new double[3][];

    /// <summary>Seconds to compute the UCP boundaries sequentially for P ranks.</summary>
    public double PartitionSeconds { get; private set; }

    /// <summary>Sequential generation time (timed mode; the counted pass otherwise).</summary>
    public double SequentialSeconds { get; private set; }

    /// <summary>Total modelled cost C and the heaviest row c₀, in candidate units.</summary>
    public double TotalCost { get; private set; }

    /// <summary>The heaviest row's cost c₀.</summary>
    public double MaxRowCost { get; private set; }

    /// <summary>Granularity c₀/(C/P); above 0.1 the good schemes cannot balance well.</summary>
    public double Granularity => TotalCost > 0 ? MaxRowCost / (TotalCost / Ranks) : 0;

    /// <summary>max/avg of a per-rank series.</summary>
    public static double MaxOverAverage(ReadOnlySpan<double> x)
    {
        double max = 0, sum = 0;
        foreach (var v in x)
        {
            max = Math.Max(max, v);
            sum += v;
        }
        return sum > 0 ? max / (sum / x.Length) : 0;
    }

    /// <summary>Runs the analysis of <paramref name="model"/> for <paramref name="ranks"/> logical ranks.</summary>
    public static LoadBalanceAnalysis Run(ChungLuModel model, int ranks, BalanceMode mode, Action<long>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (ranks < 1) throw new ArgumentOutOfRangeException(nameof(ranks));
        var a = new LoadBalanceAnalysis(ranks);
        int n = model.N;
        for (int s = 0; s < 3; s++)
        {
            a.Cost[s] = new double[ranks];
            a.Rows[s] = new long[ranks];
            a.Candidates[s] = new long[ranks];
            a.Edges[s] = new long[ranks];
            a.Seconds[s] = new double[ranks];
        }
        long t0 = Stopwatch.GetTimestamp();
        var b = CostBalancedPartition.Sequential(model, ranks);
        a.PartitionSeconds = Stopwatch.GetElapsedTime(t0).TotalSeconds;
        Int128 pre = 0;
        int unpRank = 0, ucpRank = 0;
        var sink = new CountingSink(false);
        long t1 = Stopwatch.GetTimestamp();
        for (int u = 0; u < n; u++)
        {
            double c = RowCost.Quantised(model, u, pre) / RowCost.Scale;
            pre += ChungLuModel.FixedWeight(model.SortedWeights[u]);
            a.TotalCost += c;
            a.MaxRowCost = Math.Max(a.MaxRowCost, c);
            while (unpRank + 1 < ranks && RowAssignment.Equal(n, ranks, unpRank + 1) <= u) unpRank++;
            while (ucpRank + 1 < ranks && b[ucpRank + 1] <= u) ucpRank++;
            long cand = 0, edges = 0;
            if (mode != BalanceMode.Predicted) cand = RowKernel.Row(model, u, ref sink, ref edges);
            int rrpRank = u % ranks;
            Add(a, (int)PartitionScheme.Unp, unpRank, c, cand, edges);
            Add(a, (int)PartitionScheme.Rrp, rrpRank, c, cand, edges);
            Add(a, (int)PartitionScheme.Ucp, ucpRank, c, cand, edges);
            if (progress != null && (u & 0xFFFF) == 0) progress(u);
        }
        a.SequentialSeconds = Stopwatch.GetElapsedTime(t1).TotalSeconds;
        if (mode == BalanceMode.Timed)
        {
            var s0 = new CountingSink(false);
            long e0 = 0;
            double ts = ThreadCpuClock.Now();
            RowKernel.Rows(model, 0, n, 1, ref s0, ref e0);
            a.SequentialSeconds = ThreadCpuClock.Now() - ts;
            foreach (var scheme in new[] { PartitionScheme.Unp, PartitionScheme.Rrp, PartitionScheme.Ucp })
                for (int r = 0; r < ranks; r++)
                {
                    var rows = scheme == PartitionScheme.Ucp ? new RowAssignment(b[r], b[r + 1], 1) : RowAssignment.Simple(scheme, n, r, ranks);
                    var s1 = new CountingSink(false);
                    long e1 = 0;
                    double tr = ThreadCpuClock.Now();
                    RowKernel.Rows(model, rows.First, rows.End, rows.Step, ref s1, ref e1);
                    a.Seconds[(int)scheme][r] = ThreadCpuClock.Now() - tr;
                }
        }
        return a;
    }

    private static void Add(LoadBalanceAnalysis a, int s, int r, double c, long cand, long edges)
    {
        a.Cost[s][r] += c;
        a.Rows[s][r]++;
        a.Candidates[s][r] += cand;
        a.Edges[s][r] += edges;
    }

    /// <summary>Simulated makespan of a scheme in timed mode: UCP adds the partition time.</summary>
    public double Makespan(PartitionScheme scheme)
    {
        double max = 0;
        foreach (var t in Seconds[(int)scheme]) max = Math.Max(max, t);
        return max + (scheme == PartitionScheme.Ucp ? PartitionSeconds / Ranks : 0);
    }
}
