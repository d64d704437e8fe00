using HpcKit.Sparse.Factorization;
using HpcKit.Sparse.Storage;

namespace HpcKit.Sparse.Sequence;

/// <summary>
/// Sends values given in the caller's own triplet order (full storage, or the lower triangle of a symmetric matrix)
/// to the slots of the analysed full-storage CSC pattern: one slot per entry, two for mirrored off-diagonals;
/// duplicates are summed. Optional per-row diagonal shifts (e.g. δ_w, −δ_c) are folded in, as an optimizer interface
/// would do on the device. Built once (binary search per triplet); <see cref="Apply"/> allocates nothing.
/// </summary>
public sealed class ValueMap
{
    private readonly int[] _slot, _mirror, _diagonal;
    private readonly int _nnz;

    private ValueMap(int[] slot, int[] mirror, int[] diagonal, int nnz)
    {
        _slot = slot;
        _mirror = mirror;
        _diagonal = diagonal;
        _nnz = nnz;
    }

    /// <summary>Number of caller triplets.</summary>
    public int Count => _slot.Length;

    /// <summary>Builds the map; entries outside the pattern raise <see cref="PatternMismatchException"/>.</summary>
    public static ValueMap Build(CscMatrix pattern, ReadOnlySpan<int> rows, ReadOnlySpan<int> columns, bool symmetricLower)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        if (rows.Length != columns.Length) throw new ArgumentException("rows and columns differ in length", nameof(columns));
        var slot = new int[rows.Length];
        var mirror = new int[rows.Length];
        for (int t = 0; t < rows.Length; t++)
        {
            int i = rows[t], j = columns[t];
            if (symmetricLower && i < j) (i, j) = (j, i);
            slot[t] = Find(pattern, i, j);
            mirror[t] = symmetricLower && i != j ? Find(pattern, j, i) : -1;
        }
        var diag = new int[Math.Min(pattern.Rows, pattern.Columns)];
        for (int k = 0; k < diag.Length; k++) diag[k] = Locate(pattern, k, k);
        return new ValueMap(slot, mirror, diag, pattern.Nnz);
    }

    /// <summary>
    /// target ← values scattered through the map (target is cleared first); then target(i, i) += shift[i] when a
    /// shift is given. <paramref name="target"/> is the pattern's value array (length nnz).
    /// </summary>
    public void Apply(ReadOnlySpan<double> values, Span<double> target, ReadOnlySpan<double> diagonalShift = default)
    {
        if (values.Length != _slot.Length) throw new PatternMismatchException($"{values.Length} values for a map of {_slot.Length} triplets");
        if (target.Length < _nnz) throw new ArgumentException("target shorter than the pattern", nameof(target));
        target[.._nnz].Clear();
        for (int t = 0; t < _slot.Length; t++)
        {
            double v = values[t];
            target[_slot[t]] += v;
            int m = _mirror[t];
            if (m >= 0) target[m] += v;
        }
        if (diagonalShift.IsEmpty) return;
        if (diagonalShift.Length != _diagonal.Length) throw new ArgumentException("one shift per row expected", nameof(diagonalShift));
        for (int k = 0; k < _diagonal.Length; k++)
        {
            if (diagonalShift[k] == 0) continue;
            int d = _diagonal[k];
            if (d < 0) throw new PatternMismatchException($"diagonal ({k}, {k}) is not in the pattern; it cannot take a shift");
            target[d] += diagonalShift[k];
        }
    }

    private static int Find(CscMatrix a, int i, int j)
    {
        int p = Locate(a, i, j);
        return p >= 0 ? p : throw new PatternMismatchException($"entry ({i}, {j}) is outside the analysed pattern");
    }

    private static int Locate(CscMatrix a, int i, int j)
    {
        if ((uint)j >= (uint)a.Columns || (uint)i >= (uint)a.Rows) return -1;
        int lo = a.ColPtr[j], hi = a.ColPtr[j + 1];
        int p = Array.BinarySearch(a.RowIdx, lo, hi - lo, i);
        return p >= 0 ? p : -1;
    }
}
