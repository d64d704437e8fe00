using System.Numerics;

namespace HpcKit.Neural;

/// <summary>
/// A dense row-major tensor of float32 or float64 (rank 1–6). Its storage is a plain array that may be longer
/// than <see cref="Length"/>; <see cref="Resize(int)"/> and its overloads reuse that array whenever it is large
/// enough, so layers keep their buffers between training steps without allocating. <see cref="ViewOf"/> makes this
/// tensor share another tensor's storage under a different shape (no copy).
/// </summary>
/// <typeparam name="T">float (training) or double (reference and gradient checks).</typeparam>
public sealed class Tensor<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>The largest rank supported.</summary>
    public const int MaxRank = 6;

    private T[] _data;
    private readonly int[] _shape = new int[MaxRank];
    private int _rank;
    private int _length;

    static Tensor()
    {
        if (typeof(T) != typeof(float) && typeof(T) != typeof(double))
            throw new NotSupportedException($"Tensor<{typeof(T).Name}>: only float and double are supported");
    }

    /// <summary>A zero-filled tensor of the given shape.</summary>
    public Tensor(params int[] shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        _data = [];
        Resize(shape);
    }

    /// <summary>Wraps <paramref name="data"/> (not copied) with the given shape; data.Length must be at least the product.</summary>
    public Tensor(T[] data, params int[] shape)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(shape);
        _data = data;
        SetShape(shape);
        if (_length > data.Length) throw new ArgumentException($"data has {data.Length} elements, shape needs {_length}");
    }

    /// <summary>Number of dimensions.</summary>
    public int Rank => _rank;

    /// <summary>Number of elements (product of the shape).</summary>
    public int Length => _length;

    /// <summary>The shape.</summary>
    public ReadOnlySpan<int> Shape => _shape.AsSpan(0, _rank);

    /// <summary>Size of dimension <paramref name="dim"/> (negative counts from the end).</summary>
    public int Dim(int dim) => _shape[dim < 0 ? _rank + dim : dim];

    /// <summary>The elements, row-major.</summary>
    public Span<T> Span => _data.AsSpan(0, _length);

    /// <summary>The backing array (may be longer than <see cref="Length"/>; shared by views).</summary>
    public T[] Storage => _data;

    /// <summary>Element access by flat index.</summary>
    public ref T this[int index] => ref _data[index];

    /// <summary>Rows of a 2-D view: dimension 0 by the product of the others.</summary>
    public int Rows => _rank == 0 ? 1 : _shape[0];

    /// <summary>Elements per row (product of dimensions 1..rank−1).</summary>
    public int RowLength => _rank == 0 ? 1 : (_shape[0] == 0 ? 0 : _length / _shape[0]);

    /// <summary>Row <paramref name="row"/> of the 2-D view.</summary>
    public Span<T> Row(int row)
    {
        int w = RowLength;
        return _data.AsSpan(row * w, w);
    }

    /// <summary>Sets the shape, reusing storage when large enough (contents are then unspecified).</summary>
    public void Resize(ReadOnlySpan<int> shape)
    {
        SetShape(shape);
        EnsureCapacity();
    }

    /// <summary>Rank-1 <see cref="Resize(ReadOnlySpan{int})"/> without allocation.</summary>
    public void Resize(int d0)
    {
        _rank = 1;
        _shape[0] = d0;
        _length = Checked(d0);
        EnsureCapacity();
    }

    /// <summary>Rank-2 resize without allocation.</summary>
    public void Resize(int d0, int d1)
    {
        _rank = 2;
        _shape[0] = d0;
        _shape[1] = d1;
        _length = Checked((long)d0 * d1);
        EnsureCapacity();
    }

    /// <summary>Rank-3 resize without allocation.</summary>
    public void Resize(int d0, int d1, int d2)
    {
        _rank = 3;
        _shape[0] = d0;
        _shape[1] = d1;
        _shape[2] = d2;
        _length = Checked((long)d0 * d1 * d2);
        EnsureCapacity();
    }

    /// <summary>Resizes to the shape of <paramref name="other"/>.</summary>
    public void ResizeAs(Tensor<T> other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Resize(other.Shape);
    }

    /// <summary>Makes this tensor a view of <paramref name="source"/>'s storage with a new shape of equal length.</summary>
    public void ViewOf(Tensor<T> source, ReadOnlySpan<int> shape)
    {
        ArgumentNullException.ThrowIfNull(source);
        SetShape(shape);
        if (_length != source.Length)
            throw new ArgumentException($"view of {source.Length} elements cannot have shape [{string.Join(",", shape.ToArray())}]");
        _data = source._data;
    }

    /// <summary>A new tensor sharing this tensor's storage with another shape of equal length.</summary>
    public Tensor<T> Reshape(params int[] shape)
    {
        var t = new Tensor<T>(_data, shape);
        if (t.Length != _length) throw new ArgumentException($"cannot reshape {_length} elements to [{string.Join(",", shape)}]");
        return t;
    }

    /// <summary>
    /// Resizes this tensor to [rows.Length, …source dims 1..] and copies source rows <paramref name="rows"/> into it
    /// (mini-batch assembly; no allocation once the storage fits).
    /// </summary>
    public void GatherRows(Tensor<T> source, ReadOnlySpan<int> rows)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (ReferenceEquals(source, this)) throw new ArgumentException("GatherRows: source and destination must differ");
        Span<int> shape = stackalloc int[source.Rank];
        source.Shape.CopyTo(shape);
        shape[0] = rows.Length;
        Resize(shape);
        int w = source.RowLength, n = source.Rows;
        var dst = Span;
        for (int i = 0; i < rows.Length; i++)
        {
            int r = rows[i];
            if ((uint)r >= (uint)n) throw new ArgumentOutOfRangeException(nameof(rows), $"row {r} outside 0..{n - 1}");
            source._data.AsSpan(r * w, w).CopyTo(dst.Slice(i * w, w));
        }
    }

    /// <summary>Resizes to [count, …source dims 1..] and copies source rows start..start+count−1.</summary>
    public void CopyRows(Tensor<T> source, int start, int count)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (start < 0 || count < 0 || start + count > source.Rows)
            throw new ArgumentOutOfRangeException(nameof(count), $"rows {start}..{start + count - 1} outside 0..{source.Rows - 1}");
        Span<int> shape = stackalloc int[source.Rank];
        source.Shape.CopyTo(shape);
        shape[0] = count;
        Resize(shape);
        int w = source.RowLength;
        source._data.AsSpan(start * w, count * w).CopyTo(Span);
    }

    /// <summary>Sets every element to zero.</summary>
    public void Clear() => Span.Clear();

    /// <summary>Fills with <paramref name="value"/>.</summary>
    public void Fill(T value) => Span.Fill(value);

    /// <summary>Copies <paramref name="source"/>'s shape and elements into this tensor.</summary>
    public void CopyFrom(Tensor<T> source)
    {
        ArgumentNullException.ThrowIfNull(source);
        Resize(source.Shape);
        source.Span.CopyTo(Span);
    }

    /// <summary>A deep copy.</summary>
    public Tensor<T> Clone()
    {
        var t = new Tensor<T>(Shape.ToArray());
        Span.CopyTo(t.Span);
        return t;
    }

    /// <summary>A tensor with the given shape and values (copied).</summary>
    public static Tensor<T> FromArray(ReadOnlySpan<T> values, params int[] shape)
    {
        var t = new Tensor<T>(shape);
        if (values.Length != t.Length) throw new ArgumentException($"{values.Length} values for shape of {t.Length}");
        values.CopyTo(t.Span);
        return t;
    }

    /// <summary>Whether the shape equals <paramref name="shape"/>.</summary>
    public bool HasShape(ReadOnlySpan<int> shape) => Shape.SequenceEqual(shape);

    /// <summary>Shape as text, e.g. "[64, 1, 2806]".</summary>
    public string ShapeText => "[" + string.Join(", ", Shape.ToArray()) + "]";

    /// <inheritdoc/>
    public override string ToString() => $"Tensor<{typeof(T).Name}>{ShapeText}";

    private void SetShape(ReadOnlySpan<int> shape)
    {
        if (shape.Length is < 1 or > MaxRank) throw new ArgumentException($"tensor rank must be 1..{MaxRank}, got {shape.Length}");
        long n = 1;
        for (int i = 0; i < shape.Length; i++)
        {
            if (shape[i] < 0) throw new ArgumentException($"negative dimension {shape[i]}");
            _shape[i] = shape[i];
            n *= shape[i];
        }
        _rank = shape.Length;
        _length = Checked(n);
    }

    private static int Checked(long n) =>
        n > Array.MaxLength ? throw new ArgumentException($"tensor of {n} elements is too large") : (int)n;

    private void EnsureCapacity()
    {
        if (_data.Length < _length) _data = new T[_length];
    }
}
