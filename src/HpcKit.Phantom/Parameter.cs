namespace HpcKit.Phantom;

/// <summary>A trainable tensor on one rank: values and their gradient, flat row-major, with a name for reports and tests.</summary>
public sealed class Parameter<T> where T : unmanaged
{
    public Parameter(string name, int rows, int cols, bool isBias = false, bool replicated = false)
    {
        Name = name;
        Rows = rows;
        Cols = cols;
        IsBias = isBias;
        Replicated = replicated;
        Value = new T[rows * cols];
        Grad = new T[rows * cols];
    }

    /// <summary>e.g. "hidden1.C".</summary>
    public string Name { get; }

    public int Rows { get; }

    public int Cols { get; }

    /// <summary>Biases are excluded from the spec's weight counts.</summary>
    public bool IsBias { get; }

    /// <summary>Held identically on every rank (head bias, Megatron row-layer bias).</summary>
    public bool Replicated { get; }

    public T[] Value { get; }

    public T[] Grad { get; }
}
