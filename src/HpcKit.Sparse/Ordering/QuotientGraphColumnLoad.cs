using System.Runtime.CompilerServices;

namespace HpcKit.Sparse.Ordering;

/// <summary>The COLAMD entry of <see cref="QuotientGraphOrdering"/>: the quotient graph of AᵀA loaded straight from A.</summary>
internal sealed partial class QuotientGraphOrdering
{
    /// <summary>
    /// Orders the n columns of the m × n pattern (<paramref name="colPtr"/>, <paramref name="rowIdx"/>: CSC without
    /// duplicates) by minimum degree on AᵀA without forming it: the rows are the initial elements and the columns the
    /// variables. Excluded columns are ordered last; rows with more than <paramref name="rowLimit"/> entries in the
    /// other columns are dropped. Same result as <see cref="Order"/> given the rows as element lists.
    /// </summary>
    public static int[] OrderColumns(int m, int n, ReadOnlySpan<int> colPtr, ReadOnlySpan<int> rowIdx, ReadOnlySpan<bool> excluded, int rowLimit)
    {
        long used = 2L * colPtr[n];
        long size = used + used / 2 + 2L * n + 64;
        if (size > Array.MaxLength) throw new InvalidOperationException("ordering workspace exceeds the array size limit");
        var g = new QuotientGraphOrdering(n, n + m, (int)size);
        g.LoadColumns(m, colPtr, rowIdx, excluded, rowLimit);
        return g.Run();
    }

    /// <summary>Two passes over A: row counts (to drop dense rows and place the row lists), then both list families.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void LoadColumns(int m, ReadOnlySpan<int> colPtr, ReadOnlySpan<int> rowIdx, ReadOnlySpan<bool> excluded, int rowLimit)
    {
        int n = _n;
        var iw = _iw;
        var count = _wVal; // row r's count at n + r (scratch, cleared below)
        Array.Clear(count);
        for (int j = 0; j < n; j++)
        {
            _nv[j] = 1;
            _memNext[j] = -1;
            _memTail[j] = j;
            bool ex = excluded.Length > 0 && excluded[j];
            _state[j] = ex ? Excluded : Variable;
            if (ex) continue;
            for (int p = colPtr[j]; p < colPtr[j + 1]; p++) count[n + rowIdx[p]]++;
        }
        long varTotal = 0;
        for (int r = n; r < n + m; r++)
            if (count[r] <= rowLimit) varTotal += count[r];
        int pos = (int)varTotal;
        for (int r = n; r < n + m; r++)
        {
            _pe[r] = pos;
            _len[r] = 0;
            if (count[r] <= rowLimit) pos += count[r];
        }
        int w = 0;
        for (int j = 0; j < n; j++)
        {
            _pe[j] = w;
            if (_state[j] == Excluded) { _len[j] = 0; continue; }
            for (int p = colPtr[j]; p < colPtr[j + 1]; p++)
            {
                int node = n + rowIdx[p];
                if (count[node] > rowLimit) continue;
                iw[w++] = node;
                iw[_pe[node] + _len[node]++] = j;
            }
            _elen[j] = _len[j] = _firstLen[j] = w - _pe[j];
        }
        for (int r = n; r < n + m; r++)
        {
            int l = _len[r];
            _esize[r] = l;
            _state[r] = l > 0 ? Element : Absorbed;
            _ew[r] = l > 0 ? 0 : -1;
        }
        _pfree = pos;
        Array.Clear(count);
        InitialDegrees(false);
    }
}
