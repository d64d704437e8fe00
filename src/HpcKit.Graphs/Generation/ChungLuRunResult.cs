namespace HpcKit.Graphs.Generation;

/// <summary>The outcome of a generation run, identical on every rank: totals, per-rank counters, files.</summary>
public sealed class ChungLuRunResult
{
    internal ChungLuRunResult(RankCounters[] ranks, IReadOnlyList<string> files, double writeSeconds)
    {
        Ranks = ranks;
        Files = files;
        foreach (var r in ranks)
        {
            Edges += r.Edges;
            Fingerprint += r.Fingerprint;
            Candidates += r.Candidates;
            PartitionSeconds = Math.Max(PartitionSeconds, r.PartitionSeconds);
            GenerateSeconds = Math.Max(GenerateSeconds, r.GenerateSeconds);
            GenerateCpuSeconds = Math.Max(GenerateCpuSeconds, r.GenerateCpuSeconds);
            TotalCpuSeconds += r.GenerateCpuSeconds;
        }
        WriteSeconds = writeSeconds;
    }

    /// <summary>Per-rank counters in rank order.</summary>
    public RankCounters[] Ranks { get; }

    /// <summary>Files written (empty for count-only).</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>Total edges m.</summary>
    public long Edges { get; }

    /// <summary>Total candidates.</summary>
    public long Candidates { get; }

    /// <summary>Edge-set fingerprint (wrapping sum of the ranks').</summary>
    public ulong Fingerprint { get; }

    /// <summary>Slowest rank's partition time.</summary>
    public double PartitionSeconds { get; }

    /// <summary>Slowest rank's generation time (the makespan of generation).</summary>
    public double GenerateSeconds { get; }

    /// <summary>Largest per-rank generation CPU time: the makespan on dedicated cores.</summary>
    public double GenerateCpuSeconds { get; }

    /// <summary>Generation CPU time summed over ranks.</summary>
    public double TotalCpuSeconds { get; }

    /// <summary>Time to flush, merge and commit files, after generation.</summary>
    public double WriteSeconds { get; }

    /// <summary>max/avg over ranks of a counter (1 when all equal; 0 when the average is 0).</summary>
    public double Imbalance(Func<RankCounters, double> select)
    {
        ArgumentNullException.ThrowIfNull(select);
        double max = 0, sum = 0;
        foreach (var r in Ranks)
        {
            double x = select(r);
            max = Math.Max(max, x);
            sum += x;
        }
        return sum > 0 ? max / (sum / Ranks.Length) : 0;
    }
}
