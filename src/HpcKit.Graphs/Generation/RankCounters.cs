using System.Runtime.InteropServices;

namespace HpcKit.Graphs.Generation;

/// <summary>One rank's work and timing (spec §8); unmanaged so ranks can all-gather it.</summary>
[StructLayout(LayoutKind.Sequential)]
public record struct RankCounters
{
    /// <summary>The rank.</summary>
    public int Rank;

    /// <summary>First row (sorted position) and end of its range; for RRP the first row and n.</summary>
    public long First, End;

    /// <summary>Rows, candidates (edges + rejections) and edges produced.</summary>
    public long Rows, Candidates, Edges;

    /// <summary>Modelled cost of the rows, in units of 2⁻¹⁶ candidates (see RowCost).</summary>
    public long ModelledCost;

    /// <summary>Bytes this rank wrote.</summary>
    public long BytesWritten;

    /// <summary>Fingerprint of this rank's edges (0 when not computed).</summary>
    public ulong Fingerprint;

    /// <summary>Seconds spent partitioning, generating (including writes into buffers) and flushing output.</summary>
    public double PartitionSeconds, GenerateSeconds, WriteSeconds;

    /// <summary>CPU seconds of this rank's thread while generating (robust to a shared machine; see ThreadCpuClock).</summary>
    public double GenerateCpuSeconds;

    /// <summary>Rejected candidates.</summary>
    public readonly long Rejections => Candidates - Edges;
}
