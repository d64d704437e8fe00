namespace HpcKit.Sparse.Storage;

/// <summary>Compressed sparse row matrix with 32-bit indices; explicit zeros kept.</summary>
public sealed class CsrMatrix
{
    /// <summary>Wraps arrays (no copy).</summary>
    public CsrMatrix(int rows, int columns, int[] rowPtr, int[] colIdx, double[] values)
    {
        ArgumentNullException.ThrowIfNull(rowPtr);
        ArgumentNullException.ThrowIfNull(colIdx);
        ArgumentNullException.ThrowIfNull(values);
        if (rowPtr.Length != rows + 1) throw new ArgumentException("rowPtr must have rows + 1 entries", nameof(rowPtr));
        Rows = rows;
        Columns = columns;
        RowPtr = rowPtr;
        ColIdx = colIdx;
        Values = values;
    }

    public int Rows { get; }

    public int Columns { get; }

    public int[] RowPtr { get; }

    public int[] ColIdx { get; }

    public double[] Values { get; }

    public int Nnz => RowPtr[Rows];

    /// <summary>The same matrix in CSC form (explicit conversion; arrays are new).</summary>
    public CscMatrix ToCsc()
    {
        // CSR arrays read as CSC describe Aᵀ; transposing that gives A in CSC.
        var asT = new CscMatrix(Columns, Rows, RowPtr, ColIdx, Values);
        return asT.Transpose();
    }

    /// <summary>y = A x (row-oriented).</summary>
    public void Multiply(ReadOnlySpan<double> x, Span<double> y)
    {
        for (int i = 0; i < Rows; i++)
        {
            double s = 0;
            for (int p = RowPtr[i]; p < RowPtr[i + 1]; p++) s += Values[p] * x[ColIdx[p]];
            y[i] = s;
        }
    }
}
