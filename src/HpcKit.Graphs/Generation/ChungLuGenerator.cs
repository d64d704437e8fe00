using System.Diagnostics;
using HpcKit.Core.Comm;
using HpcKit.Graphs.Model;
using HpcKit.Graphs.Partitioning;

namespace HpcKit.Graphs.Generation;

/// <summary>
/// Parallel Chung–Lu generation over an <see cref="ICommunicator"/> (spec §4): each rank gets its rows under the
/// chosen scheme (UCP boundaries computed collectively), then generates them with no communication. Because every
/// row has its own stream keyed on (seed, original id), the edge set is identical for every P and scheme.
/// </summary>
public static class ChungLuGenerator
{
    /// <summary>This rank's rows under <paramref name="scheme"/>; collective for UCP.</summary>
    public static RowAssignment Assign(ICommunicator comm, ChungLuModel model, PartitionScheme scheme)
    {
        ArgumentNullException.ThrowIfNull(comm);
        ArgumentNullException.ThrowIfNull(model);
        if (scheme != PartitionScheme.Ucp) return RowAssignment.Simple(scheme, model.N, comm.Rank, comm.Size);
        var b = CostBalancedPartition.Compute(comm, model);
        return new RowAssignment(b[comm.Rank], b[comm.Rank + 1], 1);
    }

    /// <summary>Generates this rank's rows into <paramref name="sink"/>; collective (partitioning only).</summary>
    public static RankCounters Generate<TSink>(ICommunicator comm, ChungLuModel model, PartitionScheme scheme, ref TSink sink)
        where TSink : struct, IEdgeSink
    {
        ArgumentNullException.ThrowIfNull(comm);
        long t0 = Stopwatch.GetTimestamp();
        var rows = Assign(comm, model, scheme);
        long t1 = Stopwatch.GetTimestamp();
        long edges = 0;
        long candidates = RowKernel.Rows(model, rows.First, rows.End, rows.Step, ref sink, ref edges);
        long t2 = Stopwatch.GetTimestamp();
        return new RankCounters
        {
            Rank = comm.Rank,
            First = rows.First,
            End = rows.End,
            Rows = rows.Count,
            Candidates = candidates,
            Edges = edges,
            PartitionSeconds = Stopwatch.GetElapsedTime(t0, t1).TotalSeconds,
            GenerateSeconds = Stopwatch.GetElapsedTime(t1, t2).TotalSeconds,
        };
    }

    /// <summary>Sequential generation of the whole graph into <paramref name="sink"/> (P = 1).</summary>
    public static RankCounters Generate<TSink>(ChungLuModel model, ref TSink sink) where TSink : struct, IEdgeSink
    {
        ArgumentNullException.ThrowIfNull(model);
        long t0 = Stopwatch.GetTimestamp();
        long edges = 0;
        long candidates = RowKernel.Rows(model, 0, model.N, 1, ref sink, ref edges);
        return new RankCounters
        {
            End = model.N,
            Rows = model.N,
            Candidates = candidates,
            Edges = edges,
            GenerateSeconds = Stopwatch.GetElapsedTime(t0).TotalSeconds,
        };
    }
}
