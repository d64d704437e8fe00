namespace HpcKit.Graphs.IO;

/// <summary>Text or binary edge encoding of a <see cref="StreamEdgeSink"/>.</summary>
public enum EdgeEncoding
{
    /// <summary>`a\tb\n` lines.</summary>
    Tsv,

    /// <summary>Little-endian int32 pairs.</summary>
    Int32,

    /// <summary>Little-endian int64 pairs.</summary>
    Int64,
}
