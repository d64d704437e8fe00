namespace HpcKit.Graphs.Generation;

/// <summary>Output format of a generation run (spec §6.3).</summary>
public enum EdgeFormat
{
    /// <summary>No edges written; counts and fingerprint only.</summary>
    Count,

    /// <summary>`a\tb` lines, 0-based input ids.</summary>
    Tsv,

    /// <summary>Binary edge list with the 64-byte header.</summary>
    Bin,

    /// <summary>METIS adjacency (in-process only, no loops).</summary>
    Metis,
}
