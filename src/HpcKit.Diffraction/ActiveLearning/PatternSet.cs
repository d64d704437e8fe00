namespace HpcKit.Diffraction.ActiveLearning;

/// <summary>
/// A growable set of simulated patterns (row-major, <see cref="Width"/> floats each) with their parameter
/// points and sample indices. Not thread-safe; the workflow fills it from one collector.
/// </summary>
public sealed class PatternSet
{
    private float[] _data;
    private CellPoint[] _points;
    private long[] _ids;

    /// <summary>An empty set of patterns of <paramref name="width"/> bins.</summary>
    public PatternSet(int width, int capacity = 16)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        Width = width;
        capacity = Math.Max(capacity, 1);
        _data = new float[(long)width * capacity];
        _points = new CellPoint[capacity];
        _ids = new long[capacity];
    }

    /// <summary>Bins per pattern.</summary>
    public int Width { get; }

    /// <summary>Number of patterns.</summary>
    public int Count { get; private set; }

    /// <summary>Pattern i.</summary>
    public ReadOnlySpan<float> Pattern(int i) => _data.AsSpan(i * Width, Width);

    /// <summary>All patterns, Count × Width.</summary>
    public ReadOnlySpan<float> Patterns => _data.AsSpan(0, Count * Width);

    /// <summary>Parameter point of pattern i.</summary>
    public CellPoint Point(int i) => _points[i];

    /// <summary>Sample index of pattern i (its position in the batch it was simulated from).</summary>
    public long Id(int i) => _ids[i];

    /// <summary>Appends one pattern.</summary>
    public void Add(in CellPoint point, long id, ReadOnlySpan<float> pattern)
    {
        if (pattern.Length != Width) throw new ArgumentException($"pattern has {pattern.Length} bins, expected {Width}", nameof(pattern));
        Reserve(Count + 1);
        pattern.CopyTo(_data.AsSpan(Count * Width, Width));
        _points[Count] = point;
        _ids[Count] = id;
        Count++;
    }

    /// <summary>Appends every pattern of <paramref name="other"/>.</summary>
    public void AddRange(PatternSet other)
    {
        if (other.Width != Width) throw new ArgumentException("width mismatch", nameof(other));
        Reserve(Count + other.Count);
        other.Patterns.CopyTo(_data.AsSpan(Count * Width));
        Array.Copy(other._points, 0, _points, Count, other.Count);
        Array.Copy(other._ids, 0, _ids, Count, other.Count);
        Count += other.Count;
    }

    /// <summary>A copy holding all patterns.</summary>
    public PatternSet Clone()
    {
        var s = new PatternSet(Width, Count);
        s.AddRange(this);
        return s;
    }

    /// <summary>Sorts the set by sample index (stable for equal indices), as the streaming staging set is sealed.</summary>
    public void SortById()
    {
        var order = new int[Count];
        for (int i = 0; i < Count; i++) order[i] = i;
        var keys = _ids.AsSpan(0, Count).ToArray();
        Array.Sort(keys, order);
        var data = new float[_data.Length];
        var pts = new CellPoint[_points.Length];
        var ids = new long[_ids.Length];
        for (int i = 0; i < Count; i++)
        {
            int j = order[i];
            _data.AsSpan(j * Width, Width).CopyTo(data.AsSpan(i * Width, Width));
            pts[i] = _points[j];
            ids[i] = _ids[j];
        }
        _data = data;
        _points = pts;
        _ids = ids;
    }

    private void Reserve(int n)
    {
        if (n <= _points.Length) return;
        int cap = Math.Max(n, _points.Length * 2);
        Array.Resize(ref _data, cap * Width);
        Array.Resize(ref _points, cap);
        Array.Resize(ref _ids, cap);
    }
}
