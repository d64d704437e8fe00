using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using HpcKit.Core;
using HpcKit.Core.Reporting;

namespace HpcKit.Diffraction.ActiveLearning;

/// <summary>
/// Saves and loads a <see cref="StructureCnn"/>'s weights as safetensors (8-byte little-endian header length,
/// a JSON header of name → dtype F32, shape and byte offsets, then the raw data), with the architecture in
/// "__metadata__" so <see cref="Load"/> can rebuild the network. Local to this module until HpcKit.Neural ships
/// its own safetensors reader/writer.
/// </summary>
public static class CnnCheckpoint
{
    /// <summary>Writes the weights atomically.</summary>
    public static void Save(string path, StructureCnn model)
    {
        var ps = model.Network.Parameters;
        var header = new JsonObject
        {
            ["__metadata__"] = new JsonObject
            {
                ["format"] = "hpckit-structure-cnn",
                ["width"] = model.Width.ToString(CultureInfo.InvariantCulture),
                ["size"] = model.Size.Name,
                ["conv1"] = model.Size.Conv1Channels.ToString(CultureInfo.InvariantCulture),
                ["conv2"] = model.Size.Conv2Channels.ToString(CultureInfo.InvariantCulture),
                ["hidden"] = model.Size.Hidden.ToString(CultureInfo.InvariantCulture),
                ["outputs"] = "logit_trigonal,logit_tetragonal,logit_cubic,a_norm,c_norm,alpha_norm,log_variance",
            },
        };
        long offset = 0;
        foreach (var p in ps)
        {
            long bytes = p.Value.Length * 4L;
            var shape = new JsonArray();
            foreach (int d in p.Value.Shape) shape.Add(d);
            header[p.Name] = new JsonObject { ["dtype"] = "F32", ["shape"] = shape, ["data_offsets"] = new JsonArray(offset, offset + bytes) };
            offset += bytes;
        }
        var json = Encoding.UTF8.GetBytes(header.ToJsonString());
        int pad = (8 - json.Length % 8) % 8;
        var headerBytes = new byte[json.Length + pad];
        json.CopyTo(headerBytes, 0);
        for (int i = json.Length; i < headerBytes.Length; i++) headerBytes[i] = (byte)' ';
        AtomicFile.WriteBinary(path, s =>
        {
            Span<byte> len = stackalloc byte[8];
            BinaryPrimitives.WriteUInt64LittleEndian(len, (ulong)headerBytes.Length);
            s.Write(len);
            s.Write(headerBytes);
            foreach (var p in ps)
            {
                if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("safetensors writing needs a little-endian machine");
                s.Write(MemoryMarshal.AsBytes(p.Value.Span));
            }
        });
    }

    /// <summary>Rebuilds a model from a file written by <see cref="Save"/>; data errors name the file.</summary>
    public static StructureCnn Load(string path, CnnTrainingOptions? options = null)
    {
        byte[] all;
        try { all = File.ReadAllBytes(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw new HpcKitDataException(path, 0, $"cannot read model: {e.Message}"); }
        if (all.Length < 8) throw new HpcKitDataException(path, 0, "not a safetensors file (shorter than 8 bytes)");
        ulong n = BinaryPrimitives.ReadUInt64LittleEndian(all);
        if (n > (ulong)(all.Length - 8)) throw new HpcKitDataException(path, 0, $"safetensors header length {n} exceeds the file");
        JsonObject header;
        try { header = JsonNode.Parse(all.AsSpan(8, (int)n))!.AsObject(); }
        catch (JsonException e) { throw new HpcKitDataException(path, 0, $"bad safetensors header: {e.Message}"); }
        var meta = header["__metadata__"] as JsonObject;
        if (meta?["format"]?.GetValue<string>() != "hpckit-structure-cnn") throw new HpcKitDataException(path, 0, "not an hpckit structure-CNN checkpoint (metadata format missing)");
        int Get(string k) => int.Parse(meta[k]!.GetValue<string>(), CultureInfo.InvariantCulture);
        var size = new CnnSize(meta["size"]!.GetValue<string>(), Get("conv1"), Get("conv2"), Get("hidden"));
        var model = new StructureCnn(Get("width"), size, options ?? new CnnTrainingOptions(), 0);
        int dataStart = 8 + (int)n;
        foreach (var p in model.Network.Parameters)
        {
            if (header[p.Name] is not JsonObject t) throw new HpcKitDataException(path, 0, $"tensor '{p.Name}' missing");
            if (t["dtype"]?.GetValue<string>() != "F32") throw new HpcKitDataException(path, 0, $"tensor '{p.Name}' is not F32");
            var off = t["data_offsets"]!.AsArray();
            long b = off[0]!.GetValue<long>(), e = off[1]!.GetValue<long>();
            if (e - b != p.Value.Length * 4L || dataStart + e > all.Length)
                throw new HpcKitDataException(path, 0, $"tensor '{p.Name}' has {e - b} bytes, expected {p.Value.Length * 4}");
            MemoryMarshal.Cast<byte, float>(all.AsSpan(dataStart + (int)b, (int)(e - b))).CopyTo(p.Value.Span);
        }
        model.Restore(model.Snapshot()); // sync replicas
        return model;
    }
}
