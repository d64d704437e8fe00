using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Text.Json;
using HpcKit.Core;
using HpcKit.Core.Reporting;

namespace HpcKit.Neural;

/// <summary>
/// The safetensors layout (Hugging Face): an 8-byte little-endian header length H, H bytes of UTF-8 JSON
/// {"name": {"dtype": "F32", "shape": [..], "data_offsets": [begin, end]}, …, "__metadata__": {str: str}} padded
/// with spaces to a multiple of 8, then the tensors' little-endian bytes (offsets relative to the data start).
/// Files written here load with safetensors.torch.load_file, and vice versa (F32/F64 read; F16/BF16/ints are
/// listed but refused with a clear error on typed access). Writes are atomic.
/// </summary>
public static class SafeTensors
{
    /// <summary>The dtype tag of T ("F32" or "F64").</summary>
    public static string DTypeOf<T>() where T : unmanaged, IFloatingPointIeee754<T> => typeof(T) == typeof(float) ? "F32" : "F64";

    /// <summary>Writes named tensors (in the given order) and optional string metadata to <paramref name="path"/>.</summary>
    public static void Write<T>(string path, IEnumerable<KeyValuePair<string, Tensor<T>>> tensors,
        IReadOnlyDictionary<string, string>? metadata = null) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(tensors);
        var list = tensors.ToList();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var kv in list)
            if (!seen.Add(kv.Key)) throw new ArgumentException($"safetensors: duplicate tensor name '{kv.Key}'");
        int size = typeof(T) == typeof(float) ? 4 : 8;
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms))
        {
            w.WriteStartObject();
            if (metadata is { Count: > 0 })
            {
                w.WriteStartObject("__metadata__");
                foreach (var kv in metadata) w.WriteString(kv.Key, kv.Value);
                w.WriteEndObject();
            }
            long offset = 0;
            foreach (var kv in list)
            {
                w.WriteStartObject(kv.Key);
                w.WriteString("dtype", DTypeOf<T>());
                w.WriteStartArray("shape");
                foreach (int d in kv.Value.Shape) w.WriteNumberValue(d);
                w.WriteEndArray();
                w.WriteStartArray("data_offsets");
                w.WriteNumberValue(offset);
                offset += (long)kv.Value.Length * size;
                w.WriteNumberValue(offset);
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndObject();
        }
        int pad = (int)((8 - ms.Length % 8) % 8);
        for (int i = 0; i < pad; i++) ms.WriteByte((byte)' ');
        var header = ms.ToArray();
        AtomicFile.WriteBinary(path, s =>
        {
            Span<byte> len = stackalloc byte[8];
            BinaryPrimitives.WriteUInt64LittleEndian(len, (ulong)header.Length);
            s.Write(len);
            s.Write(header);
            foreach (var kv in list)
            {
                var bytes = MemoryMarshal.AsBytes(kv.Value.Span);
                if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("big-endian hosts are not supported");
                s.Write(bytes);
            }
        });
    }

    /// <summary>Reads every tensor and the metadata of a safetensors file; malformed files fail with one clear line.</summary>
    public static (IReadOnlyList<SafeTensorsEntry> Tensors, IReadOnlyDictionary<string, string> Metadata) Read(string path)
    {
        if (!File.Exists(path)) throw new HpcKitDataException(path, 0, "safetensors file not found");
        byte[] all = File.ReadAllBytes(path);
        if (all.Length < 8) throw new HpcKitDataException(path, 0, $"not a safetensors file: only {all.Length} bytes");
        ulong h = BinaryPrimitives.ReadUInt64LittleEndian(all);
        if (h > (ulong)(all.Length - 8)) throw new HpcKitDataException(path, 0, $"safetensors header length {h} exceeds the file size {all.Length}");
        var data = all.AsMemory(8 + (int)h);
        var tensors = new List<SafeTensorsEntry>();
        var meta = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            using var doc = JsonDocument.Parse(all.AsMemory(8, (int)h));
            foreach (var prop in doc.RootElement.EnumerateObject())
            {
                if (prop.Name == "__metadata__")
                {
                    foreach (var m in prop.Value.EnumerateObject()) meta[m.Name] = m.Value.GetString() ?? "";
                    continue;
                }
                string dtype = prop.Value.GetProperty("dtype").GetString() ?? "";
                var shape = prop.Value.GetProperty("shape").EnumerateArray().Select(e => e.GetInt32()).ToArray();
                var offs = prop.Value.GetProperty("data_offsets").EnumerateArray().Select(e => e.GetInt64()).ToArray();
                if (offs.Length != 2 || offs[0] < 0 || offs[1] < offs[0] || offs[1] > data.Length)
                    throw new HpcKitDataException(path, 0, $"tensor '{prop.Name}': data_offsets [{string.Join(", ", offs)}] outside the {data.Length}-byte data section");
                long count = 1;
                foreach (int d in shape) count *= d;
                int es = ElementSize(dtype);
                if (es > 0 && count * es != offs[1] - offs[0])
                    throw new HpcKitDataException(path, 0, $"tensor '{prop.Name}': shape [{string.Join(", ", shape)}] of {dtype} needs {count * es} bytes, offsets give {offs[1] - offs[0]}");
                tensors.Add(new SafeTensorsEntry(prop.Name, dtype, shape, data.Slice((int)offs[0], (int)(offs[1] - offs[0])).ToArray()));
            }
        }
        catch (JsonException e)
        {
            throw new HpcKitDataException(path, 0, $"safetensors header is not valid JSON: {e.Message}");
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new HpcKitDataException(path, 0, $"safetensors header is malformed: {e.Message}");
        }
        return (tensors, meta);
    }

    /// <summary>Converts an entry to a tensor of T; the dtype must match exactly.</summary>
    public static Tensor<T> ToTensor<T>(SafeTensorsEntry entry, string path = "") where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.DType != DTypeOf<T>())
            throw new HpcKitDataException(path, 0, $"tensor '{entry.Name}' has dtype {entry.DType}, expected {DTypeOf<T>()}");
        var t = new Tensor<T>(entry.Shape.Length == 0 ? [1] : entry.Shape);
        MemoryMarshal.Cast<byte, T>(entry.Data).CopyTo(t.Span);
        return t;
    }

    /// <summary>Bytes per element of a safetensors dtype (0 when unknown).</summary>
    public static int ElementSize(string dtype) => dtype switch
    {
        "F64" or "I64" or "U64" => 8,
        "F32" or "I32" or "U32" => 4,
        "F16" or "BF16" or "I16" or "U16" => 2,
        "I8" or "U8" or "BOOL" or "F8_E4M3" or "F8_E5M2" => 1,
        _ => 0,
    };
}
