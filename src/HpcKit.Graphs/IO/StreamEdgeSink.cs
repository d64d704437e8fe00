using System.Buffers.Binary;
using System.Buffers.Text;
using System.Runtime.CompilerServices;
using HpcKit.Graphs.Generation;

namespace HpcKit.Graphs.IO;

/// <summary>
/// Streams edges into a 4 MiB buffer and on to a stream: binary pairs or UTF-8 TSV lines, formatted without
/// allocation. Counts edges and bytes and accumulates the fingerprint. Memory: the buffer only.
/// </summary>
public struct StreamEdgeSink : IEdgeSink
{
    private readonly Stream _stream;
    private readonly byte[] _buffer;
    private readonly EdgeEncoding _encoding;
    private int _pos;

    public StreamEdgeSink(Stream stream, EdgeEncoding encoding, int bufferBytes = 4 << 20)
    {
        _stream = stream;
        _encoding = encoding;
        _buffer = new byte[Math.Max(bufferBytes, 64)];
        _pos = 0;
        Edges = 0;
        Bytes = 0;
        Fingerprint = 0;
    }

    /// <summary>Edges written.</summary>
    public long Edges { get; private set; }

    /// <summary>Bytes written (after <see cref="Flush"/>, all of them).</summary>
    public long Bytes { get; private set; }

    /// <summary>Fingerprint of the edges written.</summary>
    public ulong Fingerprint { get; private set; }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Edge(long row, long column)
    {
        if (_pos > _buffer.Length - 48) Flush();
        Edges++;
        Fingerprint += EdgeFingerprint.Of(row, column);
        var span = _buffer.AsSpan(_pos);
        switch (_encoding)
        {
            case EdgeEncoding.Int32:
                BinaryPrimitives.WriteInt32LittleEndian(span, (int)row);
                BinaryPrimitives.WriteInt32LittleEndian(span[4..], (int)column);
                _pos += 8;
                break;
            case EdgeEncoding.Int64:
                BinaryPrimitives.WriteInt64LittleEndian(span, row);
                BinaryPrimitives.WriteInt64LittleEndian(span[8..], column);
                _pos += 16;
                break;
            default:
                Utf8Formatter.TryFormat(row, span, out int a);
                span[a] = (byte)'\t';
                Utf8Formatter.TryFormat(column, span[(a + 1)..], out int b);
                span[a + 1 + b] = (byte)'\n';
                _pos += a + b + 2;
                break;
        }
    }

    /// <summary>Writes the buffered bytes to the stream.</summary>
    public void Flush()
    {
        if (_pos == 0) return;
        _stream.Write(_buffer, 0, _pos);
        Bytes += _pos;
        _pos = 0;
    }
}
