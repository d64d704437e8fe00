using System.Text;
using HpcKit.Core.Reporting;

namespace HpcKit.Diffraction.Simulation;

/// <summary>
/// Compact binary dataset, little-endian. Header (64 bytes): magic "HPKDIFF1" (8), int32 version = 1, int32 count,
/// int32 bins, int32 parameter count (3), int32 flags (bit 0: min–max scaled), int32 reserved, float64 T_min (µs),
/// float64 τ, uint64 seed, 8 reserved bytes. Then count×bins float32 patterns (row-major), count×3 float64
/// parameters (a Å, c Å, α degrees), count int32 labels (trigonal 0, tetragonal 1, cubic 2). Written atomically.
/// </summary>
public static class DatasetWriter
{
    public const string Magic = "HPKDIFF1";
    public const int HeaderBytes = 64;

    public static void Write(string path, Dataset ds) => AtomicFile.WriteBinary(path, s => Write(s, ds));

    public static void Write(Stream stream, Dataset ds)
    {
        using var w = new BinaryWriter(stream, Encoding.ASCII, leaveOpen: true);
        w.Write(Encoding.ASCII.GetBytes(Magic));
        w.Write(1);
        w.Write(ds.Count);
        w.Write(ds.Bins);
        w.Write(3);
        w.Write(ds.MinMaxScaled ? 1 : 0);
        w.Write(0);
        w.Write(ds.Grid.TMin);
        w.Write(ds.Grid.Tau);
        w.Write(ds.Seed);
        w.Write(0L);
        var bytes = System.Runtime.InteropServices.MemoryMarshal.AsBytes(ds.Patterns.AsSpan());
        w.Write(bytes);
        foreach (var p in ds.Parameters)
        {
            w.Write(p.A);
            w.Write(p.C);
            w.Write(p.AlphaDeg);
        }
        foreach (var l in ds.Labels) w.Write(l);
    }
}
