using System.Buffers.Binary;
using HpcKit.Core;

namespace HpcKit.Graphs.IO;

/// <summary>
/// The 64-byte little-endian header of the binary edge list (spec §6.3): magic "HKCLEDGE", version 1, id width
/// (4 or 8), n, edge count (−1 while writing), seed, rank, rank count, flags (bit 0 loops, 1 clamped, 2 single
/// weights, 3 canonical), RngLayout, fingerprint. (a, b) id pairs follow.
/// </summary>
public sealed record BinaryEdgeHeader
{
    /// <summary>Header size in bytes.</summary>
    public const int Size = 64;

    /// <summary>Format version written and accepted.</summary>
    public const uint Version = 1;

    private static ReadOnlySpan<byte> Magic => "HKCLEDGE"u8;

    public int IdWidth { get; init; } = 4;
    public long N { get; init; }
    public long Edges { get; init; } = -1;
    public ulong Seed { get; init; }
    public int Rank { get; init; }
    public int RankCount { get; init; } = 1;
    public uint Flags { get; init; }
    public uint RngLayout { get; init; } = 1;
    public ulong Fingerprint { get; init; }

    /// <summary>Flag bits.</summary>
    public const uint FlagLoops = 1, FlagClamped = 2, FlagSingle = 4, FlagCanonical = 8;

    /// <summary>The 64 bytes.</summary>
    public void WriteTo(Span<byte> b)
    {
        b[..Size].Clear();
        Magic.CopyTo(b);
        BinaryPrimitives.WriteUInt32LittleEndian(b[8..], Version);
        BinaryPrimitives.WriteInt32LittleEndian(b[12..], IdWidth);
        BinaryPrimitives.WriteInt64LittleEndian(b[16..], N);
        BinaryPrimitives.WriteInt64LittleEndian(b[24..], Edges);
        BinaryPrimitives.WriteUInt64LittleEndian(b[32..], Seed);
        BinaryPrimitives.WriteInt32LittleEndian(b[40..], Rank);
        BinaryPrimitives.WriteInt32LittleEndian(b[44..], RankCount);
        BinaryPrimitives.WriteUInt32LittleEndian(b[48..], Flags);
        BinaryPrimitives.WriteUInt32LittleEndian(b[52..], RngLayout);
        BinaryPrimitives.WriteUInt64LittleEndian(b[56..], Fingerprint);
    }

    /// <summary>Parses and validates a header; <paramref name="file"/> names the source in errors.</summary>
    public static BinaryEdgeHeader Read(ReadOnlySpan<byte> b, string file)
    {
        if (b.Length < Size) throw new HpcKitDataException(file, 0, "binary edge list shorter than its 64-byte header");
        if (!b[..8].SequenceEqual(Magic)) throw new HpcKitDataException(file, 0, "not a binary edge list (bad magic; expected HKCLEDGE)");
        uint version = BinaryPrimitives.ReadUInt32LittleEndian(b[8..]);
        if (version != Version) throw new HpcKitDataException(file, 0, $"unsupported binary edge list version {version} (this build reads {Version})");
        int width = BinaryPrimitives.ReadInt32LittleEndian(b[12..]);
        if (width != 4 && width != 8) throw new HpcKitDataException(file, 0, $"bad id width {width} (must be 4 or 8)");
        return new BinaryEdgeHeader
        {
            IdWidth = width,
            N = BinaryPrimitives.ReadInt64LittleEndian(b[16..]),
            Edges = BinaryPrimitives.ReadInt64LittleEndian(b[24..]),
            Seed = BinaryPrimitives.ReadUInt64LittleEndian(b[32..]),
            Rank = BinaryPrimitives.ReadInt32LittleEndian(b[40..]),
            RankCount = BinaryPrimitives.ReadInt32LittleEndian(b[44..]),
            Flags = BinaryPrimitives.ReadUInt32LittleEndian(b[48..]),
            RngLayout = BinaryPrimitives.ReadUInt32LittleEndian(b[52..]),
            Fingerprint = BinaryPrimitives.ReadUInt64LittleEndian(b[56..]),
        };
    }
}
