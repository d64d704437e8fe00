using System.Buffers.Binary;
using System.Globalization;
using HpcKit.Core;

namespace HpcKit.Graphs.IO;

/// <summary>
/// Streams the edges of a text edge list (two non-negative integer ids per line, whitespace-separated; blank
/// lines and lines starting with `#` or `%` skipped) or of this module's binary format (detected by its magic).
/// </summary>
public static class EdgeListReader
{
    /// <summary>Calls <paramref name="edge"/> for every edge; returns the binary header when there is one.</summary>
    public static BinaryEdgeHeader? ForEach(string path, Action<long, long> edge)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(edge);
        if (!File.Exists(path)) throw new HpcKitDataException(path, 0, "edge list not found");
        using var fs = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        var head = new byte[BinaryEdgeHeader.Size];
        int got = fs.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        if (got >= 8 && head.AsSpan(0, 8).SequenceEqual("HKCLEDGE"u8))
        {
            var h = BinaryEdgeHeader.Read(head.AsSpan(0, got), path);
            ReadBinary(fs, h, path, edge);
            return h;
        }
        fs.Seek(0, SeekOrigin.Begin);
        ReadText(fs, path, edge);
        return null;
    }

    private static void ReadBinary(FileStream fs, BinaryEdgeHeader h, string path, Action<long, long> edge)
    {
        int rec = 2 * h.IdWidth;
        var buf = new byte[rec * 65536];
        long count = 0;
        while (true)
        {
            int got = fs.ReadAtLeast(buf, buf.Length, throwOnEndOfStream: false);
            if (got % rec != 0) throw new HpcKitDataException(path, 0, "binary edge list ends inside a pair (truncated file)");
            for (int i = 0; i < got; i += rec)
            {
                long a = h.IdWidth == 4 ? BinaryPrimitives.ReadInt32LittleEndian(buf.AsSpan(i)) : BinaryPrimitives.ReadInt64LittleEndian(buf.AsSpan(i));
                long b = h.IdWidth == 4 ? BinaryPrimitives.ReadInt32LittleEndian(buf.AsSpan(i + 4)) : BinaryPrimitives.ReadInt64LittleEndian(buf.AsSpan(i + 8));
                if (a < 0 || b < 0 || a >= h.N || b >= h.N) throw new HpcKitDataException(path, 0, $"edge {count} ({a}, {b}) has an id outside [0, {h.N})");
                edge(a, b);
                count++;
            }
            if (got < buf.Length) break;
        }
        if (h.Edges >= 0 && h.Edges != count) throw new HpcKitDataException(path, 0, $"header says {h.Edges} edges but the file holds {count}");
    }

    private static void ReadText(FileStream fs, string path, Action<long, long> edge)
    {
        using var reader = new StreamReader(fs, System.Text.Encoding.UTF8, true, 1 << 16, leaveOpen: true);
        long line = 0;
        string? s;
        while ((s = reader.ReadLine()) != null)
        {
            line++;
            var t = s.AsSpan().Trim();
            if (t.Length == 0 || t[0] == '#' || t[0] == '%') continue;
            int i = 0;
            long a = Next(t, ref i, path, line, s), b = Next(t, ref i, path, line, s);
            edge(a, b);
        }
    }

    private static long Next(ReadOnlySpan<char> t, ref int i, string path, long line, string s)
    {
        while (i < t.Length && char.IsWhiteSpace(t[i])) i++;
        int start = i;
        while (i < t.Length && !char.IsWhiteSpace(t[i])) i++;
        if (start == i) throw new HpcKitDataException(path, line, $"expected two node ids: '{WeightsFile.Clip(s)}'");
        if (!long.TryParse(t[start..i], NumberStyles.None, CultureInfo.InvariantCulture, out long v))
            throw new HpcKitDataException(path, line, $"not a non-negative integer id: '{t[start..i].ToString()}'");
        return v;
    }
}
