using System.Text;
using HpcKit.Core;
using HpcKit.Diffraction.Crystal;
using HpcKit.Diffraction.Instruments;

namespace HpcKit.Diffraction.Simulation;

/// <summary>Reads the format of <see cref="DatasetWriter"/>; bad files give a data error.</summary>
public static class DatasetReader
{
    public static Dataset Read(string path)
    {
        if (!File.Exists(path)) throw new HpcKitDataException($"{path}: file not found");
        using var f = File.OpenRead(path);
        return Read(f, path);
    }

    public static Dataset Read(Stream stream, string source = "dataset")
    {
        using var r = new BinaryReader(stream, Encoding.ASCII, leaveOpen: true);
        try
        {
            var magic = Encoding.ASCII.GetString(r.ReadBytes(8));
            if (magic != DatasetWriter.Magic) throw new HpcKitDataException($"{source}: not an HpcKit diffraction dataset (magic '{magic}')");
            int version = r.ReadInt32(), count = r.ReadInt32(), bins = r.ReadInt32(), np = r.ReadInt32(), flags = r.ReadInt32();
            r.ReadInt32();
            double tmin = r.ReadDouble(), tau = r.ReadDouble();
            ulong seed = r.ReadUInt64();
            r.ReadInt64();
            if (version != 1 || np != 3 || count < 0 || bins <= 0) throw new HpcKitDataException($"{source}: unsupported header (version {version}, count {count}, bins {bins}, parameters {np})");
            var ds = new Dataset(count, new TofGrid(tmin, tau, bins), (flags & 1) != 0, seed);
            var bytes = System.Runtime.InteropServices.MemoryMarshal.AsBytes(ds.Patterns.AsSpan());
            r.BaseStream.ReadExactly(bytes);
            for (int i = 0; i < count; i++) ds.Parameters[i] = new CellParameters(r.ReadDouble(), r.ReadDouble(), r.ReadDouble());
            for (int i = 0; i < count; i++) ds.Labels[i] = r.ReadInt32();
            return ds;
        }
        catch (EndOfStreamException)
        {
            throw new HpcKitDataException($"{source}: truncated dataset file");
        }
    }
}
