using System.Numerics.Tensors;
using HpcKit.Sparse.Kernels;

namespace HpcKit.Sparse.Storage;

/// <summary>
/// Compressed sparse column matrix with 32-bit indices. Explicit zeros are part of the pattern and are never
/// dropped by any operation in this module. Row indices within a column are kept sorted by the constructors here.
/// </summary>
public sealed class CscMatrix
{
    /// <summary>Wraps arrays (no copy). <paramref name="colPtr"/> has <paramref name="columns"/> + 1 entries.</summary>
    public CscMatrix(int rows, int columns, int[] colPtr, int[] rowIdx, double[] values)
    {
        ArgumentNullException.ThrowIfNull(colPtr);
        ArgumentNullException.ThrowIfNull(rowIdx);
        ArgumentNullException.ThrowIfNull(values);
        if (rows < 0 || columns < 0) throw new ArgumentOutOfRangeException(nameof(rows));
        if (colPtr.Length != columns + 1) throw new ArgumentException("colPtr must have columns + 1 entries", nameof(colPtr));
        Rows = rows;
        Columns = columns;
        ColPtr = colPtr;
        RowIdx = rowIdx;
        Values = values;
    }

    public int Rows { get; }

    public int Columns { get; }

    public int[] ColPtr { get; }

    public int[] RowIdx { get; }

    public double[] Values { get; }

    /// <summary>Stored entries, explicit zeros included.</summary>
    public int Nnz => ColPtr[Columns];

    /// <summary>Builds a CSC matrix from triplets; duplicates are summed, explicit zeros kept, rows sorted.</summary>
    public static CscMatrix FromTriplets(int rows, int columns, ReadOnlySpan<int> ti, ReadOnlySpan<int> tj, ReadOnlySpan<double> tv)
    {
        int nz = ti.Length;
        var count = new int[columns + 1];
        for (int t = 0; t < nz; t++)
        {
            if ((uint)ti[t] >= (uint)rows || (uint)tj[t] >= (uint)columns) throw new ArgumentOutOfRangeException(nameof(ti), $"triplet {t} ({ti[t]}, {tj[t]}) outside {rows} x {columns}");
            count[tj[t] + 1]++;
        }
        for (int j = 0; j < columns; j++) count[j + 1] += count[j];
        var next = (int[])count.Clone();
        var ri = new int[nz];
        var rv = new double[nz];
        for (int t = 0; t < nz; t++)
        {
            int p = next[tj[t]]++;
            ri[p] = ti[t];
            rv[p] = tv[t];
        }
        // sort each column by row, then sum duplicates
        var outPtr = new int[columns + 1];
        int w = 0;
        for (int j = 0; j < columns; j++)
        {
            int a = count[j], b = count[j + 1];
            Array.Sort(ri, rv, a, b - a);
            outPtr[j] = w;
            for (int p = a; p < b; p++)
            {
                if (w > outPtr[j] && ri[w - 1] == ri[p]) rv[w - 1] += rv[p];
                else { ri[w] = ri[p]; rv[w] = rv[p]; w++; }
            }
        }
        outPtr[columns] = w;
        Array.Resize(ref ri, w);
        Array.Resize(ref rv, w);
        return new CscMatrix(rows, columns, outPtr, ri, rv);
    }

    /// <summary>Full storage from a lower triangle: diagonal once, off-diagonal entries mirrored, zeros kept.</summary>
    public static CscMatrix ExpandLowerSymmetric(CscMatrix lower)
    {
        ArgumentNullException.ThrowIfNull(lower);
        int nz = lower.Nnz, extra = 0;
        for (int j = 0; j < lower.Columns; j++)
            for (int p = lower.ColPtr[j]; p < lower.ColPtr[j + 1]; p++) if (lower.RowIdx[p] != j) extra++;
        var ti = new int[nz + extra];
        var tj = new int[nz + extra];
        var tv = new double[nz + extra];
        int w = 0;
        for (int j = 0; j < lower.Columns; j++)
            for (int p = lower.ColPtr[j]; p < lower.ColPtr[j + 1]; p++)
            {
                int i = lower.RowIdx[p];
                ti[w] = i; tj[w] = j; tv[w++] = lower.Values[p];
                if (i != j) { ti[w] = j; tj[w] = i; tv[w++] = lower.Values[p]; }
            }
        return FromTriplets(lower.Rows, lower.Columns, ti, tj, tv);
    }

    /// <summary>Aᵀ as a new CSC matrix (rows sorted).</summary>
    public CscMatrix Transpose()
    {
        var ptr = new int[Rows + 1];
        int nz = Nnz;
        for (int p = 0; p < nz; p++) ptr[RowIdx[p] + 1]++;
        for (int i = 0; i < Rows; i++) ptr[i + 1] += ptr[i];
        var next = (int[])ptr.Clone();
        var ri = new int[nz];
        var rv = new double[nz];
        for (int j = 0; j < Columns; j++)
            for (int p = ColPtr[j]; p < ColPtr[j + 1]; p++)
            {
                int q = next[RowIdx[p]]++;
                ri[q] = j;
                rv[q] = Values[p];
            }
        return new CscMatrix(Columns, Rows, ptr, ri, rv);
    }

    /// <summary>The same matrix in CSR form (explicit conversion; arrays are new).</summary>
    public CsrMatrix ToCsr()
    {
        var t = Transpose();
        return new CsrMatrix(Rows, Columns, t.ColPtr, t.RowIdx, t.Values);
    }

    /// <summary>Deep copy.</summary>
    public CscMatrix Clone() => new(Rows, Columns, (int[])ColPtr.Clone(), (int[])RowIdx.Clone(), (double[])Values.Clone());

    /// <summary>A copy of the pattern with new values (same length as <see cref="Values"/>).</summary>
    public CscMatrix WithValues(double[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length != Nnz) throw new ArgumentException("values length differs from nnz", nameof(values));
        return new CscMatrix(Rows, Columns, ColPtr, RowIdx, values);
    }

    /// <summary>y = A x.</summary>
    public unsafe void Multiply(ReadOnlySpan<double> x, Span<double> y)
    {
        CheckVectors(x.Length, y.Length);
        y[..Rows].Clear();
        fixed (int* cp = ColPtr, ri = RowIdx)
        fixed (double* v = Values, px = x, py = y)
            SparseKernels.CscGaxpy(py, Columns, cp, ri, v, px, -1.0);
    }

    /// <summary>r = b − A x.</summary>
    public unsafe void Residual(ReadOnlySpan<double> b, ReadOnlySpan<double> x, Span<double> r)
    {
        CheckVectors(x.Length, r.Length);
        b[..Rows].CopyTo(r);
        fixed (int* cp = ColPtr, ri = RowIdx)
        fixed (double* v = Values, px = x, pr = r)
            SparseKernels.CscGaxpy(pr, Columns, cp, ri, v, px, 1.0);
    }

    /// <summary>s = |b| + |A| |x| (componentwise; the denominator of the backward error).</summary>
    public unsafe void AbsResidualScale(ReadOnlySpan<double> b, ReadOnlySpan<double> x, Span<double> s)
    {
        CheckVectors(x.Length, s.Length);
        TensorPrimitives.Abs(b[..Rows], s);
        fixed (int* cp = ColPtr, ri = RowIdx)
        fixed (double* v = Values, px = x, ps = s)
            SparseKernels.CscAbsGaxpy(ps, Columns, cp, ri, v, px);
    }

    /// <summary>Row sums of |A| into <paramref name="sums"/> (length ≥ Rows).</summary>
    public unsafe void AbsRowSums(Span<double> sums)
    {
        if (sums.Length < Rows) throw new ArgumentException("vector shorter than the rows of the matrix", nameof(sums));
        sums[..Rows].Clear();
        fixed (int* ri = RowIdx)
        fixed (double* v = Values, ps = sums)
            SparseKernels.AbsRowSums(ps, Nnz, ri, v);
    }

    /// <summary>‖A‖∞ (max row sum of magnitudes).</summary>
    public double NormInf() => NormInf(new double[Rows]);

    /// <summary>‖A‖∞ with caller-owned scratch of length ≥ Rows (no allocation).</summary>
    public double NormInf(Span<double> scratch)
    {
        AbsRowSums(scratch);
        return Rows == 0 ? 0 : TensorPrimitives.Max<double>(scratch[..Rows]);
    }

    private void CheckVectors(int inLength, int outLength)
    {
        if (inLength < Columns || outLength < Rows) throw new ArgumentException($"vector lengths {inLength}, {outLength} do not fit a {Rows} x {Columns} matrix");
    }

    /// <summary>‖A‖₁ (max column sum of magnitudes).</summary>
    public double Norm1()
    {
        double m = 0;
        for (int j = 0; j < Columns; j++)
        {
            double s = 0;
            for (int p = ColPtr[j]; p < ColPtr[j + 1]; p++) s += Math.Abs(Values[p]);
            m = Math.Max(m, s);
        }
        return m;
    }

    /// <summary>64-bit FNV-1a fingerprint of (rows, columns, column pointers, row indices): the pattern's identity.</summary>
    public ulong PatternFingerprint()
    {
        ulong h = 14695981039346656037UL;
        static ulong Mix(ulong h, int v)
        {
            unchecked
            {
                for (int s = 0; s < 32; s += 8) { h ^= (byte)(v >> s); h *= 1099511628211UL; }
            }
            return h;
        }
        h = Mix(h, Rows);
        h = Mix(h, Columns);
        foreach (int v in ColPtr) h = Mix(h, v);
        for (int p = 0; p < Nnz; p++) h = Mix(h, RowIdx[p]);
        return h;
    }

    /// <summary>True when both matrices have identical shape, pointers and row indices.</summary>
    public bool SamePattern(CscMatrix other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Rows == other.Rows && Columns == other.Columns && ColPtr.AsSpan().SequenceEqual(other.ColPtr) &&
               RowIdx.AsSpan(0, Nnz).SequenceEqual(other.RowIdx.AsSpan(0, other.Nnz));
    }

    /// <summary>Validates sorted, unique, in-range row indices per column; returns null or a description of the first problem.</summary>
    public string? Validate()
    {
        if (ColPtr[0] != 0) return "colPtr[0] != 0";
        for (int j = 0; j < Columns; j++)
        {
            if (ColPtr[j + 1] < ColPtr[j]) return $"colPtr decreases at column {j}";
            for (int p = ColPtr[j]; p < ColPtr[j + 1]; p++)
            {
                if ((uint)RowIdx[p] >= (uint)Rows) return $"row index {RowIdx[p]} out of range in column {j}";
                if (p > ColPtr[j] && RowIdx[p] <= RowIdx[p - 1]) return $"rows not sorted/unique in column {j}";
            }
        }
        return null;
    }
}
