using HpcKit.Sparse.Storage;

namespace HpcKit.Sparse.IO;

/// <summary>
/// A Matrix Market file as read: header, comments, and entries as stored. Coordinate entries keep explicit zeros;
/// in symmetric files entries above the diagonal are mirrored into the lower triangle. Array data is column-major.
/// </summary>
public sealed class MatrixMarketData
{
    internal MatrixMarketData(string source, int rows, int columns, bool isArray, bool isPattern, bool isSymmetric, bool isInteger,
        List<string> comments, int[] ti, int[] tj, double[] values, List<string> warnings)
    {
        Source = source;
        Rows = rows;
        Columns = columns;
        IsArray = isArray;
        IsPattern = isPattern;
        IsSymmetric = isSymmetric;
        IsInteger = isInteger;
        Comments = comments;
        RowIndices = ti;
        ColumnIndices = tj;
        Values = values;
        Warnings = warnings;
        foreach (var c in comments)
        {
            var t = c.TrimStart('%').Trim();
            if (t.StartsWith("ID:", StringComparison.OrdinalIgnoreCase) &&
                int.TryParse(t.AsSpan(3).Trim(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out int id))
                Id = id;
        }
    }

    public string Source { get; }

    public int Rows { get; }

    public int Columns { get; }

    /// <summary>Dense `array` format (values column-major, index arrays empty).</summary>
    public bool IsArray { get; }

    /// <summary>`pattern` field: values are 1.0.</summary>
    public bool IsPattern { get; }

    public bool IsSymmetric { get; }

    public bool IsInteger { get; }

    /// <summary>Comment lines of the header (with their leading %).</summary>
    public IReadOnlyList<string> Comments { get; }

    /// <summary>The `% ID: n` header value, when present.</summary>
    public int? Id { get; }

    /// <summary>Non-fatal observations (missing field or symmetry, non-finite values).</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>0-based row of each stored coordinate entry (lower triangle for symmetric files).</summary>
    public int[] RowIndices { get; }

    public int[] ColumnIndices { get; }

    public double[] Values { get; }

    /// <summary>Stored entries (coordinate) or M·N (array).</summary>
    public int StoredEntries => Values.Length;

    /// <summary>The matrix as stored (symmetric: lower triangle only), duplicates summed, zeros kept.</summary>
    public CscMatrix ToCsc()
    {
        if (IsArray) return DenseToCsc(false);
        return CscMatrix.FromTriplets(Rows, Columns, RowIndices, ColumnIndices, Values);
    }

    /// <summary>Full storage: diagonal entries once, off-diagonals of symmetric files mirrored. General files unchanged.</summary>
    public CscMatrix ExpandSymmetric()
    {
        if (!IsSymmetric) return ToCsc();
        if (IsArray) return DenseToCsc(true);
        int extra = 0;
        for (int t = 0; t < Values.Length; t++) if (RowIndices[t] != ColumnIndices[t]) extra++;
        var ti = new int[Values.Length + extra];
        var tj = new int[ti.Length];
        var tv = new double[ti.Length];
        int w = 0;
        for (int t = 0; t < Values.Length; t++)
        {
            ti[w] = RowIndices[t]; tj[w] = ColumnIndices[t]; tv[w] = Values[t]; w++;
            if (RowIndices[t] != ColumnIndices[t]) { ti[w] = ColumnIndices[t]; tj[w] = RowIndices[t]; tv[w] = Values[t]; w++; }
        }
        return CscMatrix.FromTriplets(Rows, Columns, ti, tj, tv);
    }

    /// <summary>A vector (M × 1 array or coordinate data) as a dense array of length M.</summary>
    public double[] ToDenseVector()
    {
        if (Columns != 1) throw new Core.HpcKitDataException(Source, 0, $"expected a vector (M x 1), got {Rows} x {Columns}");
        if (IsArray) return (double[])Values.Clone();
        var v = new double[Rows];
        for (int t = 0; t < Values.Length; t++) v[RowIndices[t]] += Values[t];
        return v;
    }

    private CscMatrix DenseToCsc(bool symmetricExpand)
    {
        var ptr = new int[Columns + 1];
        var ri = new int[Rows * Columns];
        var v = new double[Rows * Columns];
        int w = 0;
        for (int j = 0; j < Columns; j++)
        {
            for (int i = 0; i < Rows; i++)
            {
                ri[w] = i;
                v[w] = symmetricExpand && i < j ? Values[(long)i * Rows + j] : Values[(long)j * Rows + i];
                w++;
            }
            ptr[j + 1] = w;
        }
        return new CscMatrix(Rows, Columns, ptr, ri, v);
    }
}
