using System.Buffers.Binary;
using System.Buffers.Text;
using HpcKit.Core.Reporting;

namespace HpcKit.Graphs.IO;

/// <summary>
/// METIS adjacency output: first line `n m`, then line i lists the 1-based neighbours of node i in ascending
/// order. Built in one process from int64 pair parts: one pass counts degrees, one fills a CSR array
/// (O(n + 2m) memory), then lines are written through a buffer. No loops (METIS cannot represent them).
/// </summary>
public static class MetisWriter
{
    /// <summary>Writes <paramref name="path"/> atomically from <paramref name="parts"/> int64 pair files.</summary>
    public static void Write(string path, long n, int parts, Func<int, string> partPath)
    {
        ArgumentNullException.ThrowIfNull(partPath);
        var offsets = new long[n + 1];
        long m = 0;
        ForEachEdge(parts, partPath, (a, b) =>
        {
            offsets[a + 1]++;
            offsets[b + 1]++;
            m++;
        });
        for (long i = 0; i < n; i++) offsets[i + 1] += offsets[i];
        var adj = new int[offsets[n]];
        var fill = new long[n];
        ForEachEdge(parts, partPath, (a, b) =>
        {
            adj[offsets[a] + fill[a]++] = (int)b;
            adj[offsets[b] + fill[b]++] = (int)a;
        });
        using var file = AtomicFile.Create(path);
        var buf = new byte[1 << 20];
        int pos = 0;
        var s = file.Stream;
        pos += Fmt(buf, pos, n);
        buf[pos++] = (byte)' ';
        pos += Fmt(buf, pos, m);
        buf[pos++] = (byte)'\n';
        for (long i = 0; i < n; i++)
        {
            var row = adj.AsSpan((int)offsets[i], (int)(offsets[i + 1] - offsets[i]));
            row.Sort();
            for (int k = 0; k < row.Length; k++)
            {
                if (pos > buf.Length - 32)
                {
                    s.Write(buf, 0, pos);
                    pos = 0;
                }
                if (k > 0) buf[pos++] = (byte)' ';
                pos += Fmt(buf, pos, row[k] + 1L);
            }
            if (pos > buf.Length - 32)
            {
                s.Write(buf, 0, pos);
                pos = 0;
            }
            buf[pos++] = (byte)'\n';
        }
        s.Write(buf, 0, pos);
        file.Commit();
    }

    private static int Fmt(byte[] buf, int pos, long value)
    {
        Utf8Formatter.TryFormat(value, buf.AsSpan(pos), out int w);
        return w;
    }

    private static void ForEachEdge(int parts, Func<int, string> partPath, Action<long, long> edge)
    {
        var buf = new byte[1 << 20];
        for (int r = 0; r < parts; r++)
        {
            using var fs = new FileStream(partPath(r), FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            int have = 0;
            while (true)
            {
                int got = fs.Read(buf, have, buf.Length - have);
                have += got;
                int whole = have / 16 * 16;
                for (int i = 0; i < whole; i += 16)
                    edge(BinaryPrimitives.ReadInt64LittleEndian(buf.AsSpan(i)), BinaryPrimitives.ReadInt64LittleEndian(buf.AsSpan(i + 8)));
                Buffer.BlockCopy(buf, whole, buf, 0, have - whole);
                have -= whole;
                if (got == 0) break;
            }
        }
    }
}
