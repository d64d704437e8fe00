using System.Runtime.CompilerServices;

namespace HpcKit.Sparse.Ordering;

/// <summary>The elimination loop of <see cref="QuotientGraphOrdering"/>: one pivot (a supervariable) per step.</summary>
internal sealed unsafe partial class QuotientGraphOrdering
{
    /// <summary>Eliminates every active variable; returns the order with supervariables expanded, excluded last.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int[] Run()
    {
        int n = _n;
        Array.Fill(_head, -1);
        Array.Fill(_hashHead, -1);
        // inserted last to first, so that among equal degrees the first column of the input is the first pivot
        for (int i = n - 1; i >= 0; i--)
            if (_state[i] == Variable) Insert(i);
        var pivots = new int[n];
        int pivotCount = 0, nel = 0, minDeg = 0;
        while (nel < _active)
        {
            while (_head[minDeg] < 0) minDeg++;
            int p = _head[minDeg];
            Remove(p);
            pivots[pivotCount++] = p;
            int nvp = _nv[p];
            nel += nvp;
            _nv[p] = -nvp; // p is never added to its own element
            int lpStart = FormElement(p, out int degme);
            int lpEnd = lpStart + _len[p];
            ElementOverlaps(lpStart, lpEnd);
            UpdateVariables(p, lpStart, lpEnd, ref degme, ref nel);
            DetectSupervariables(lpStart, lpEnd);
            minDeg = Math.Min(minDeg, FinishStep(p, lpStart, lpEnd, degme, nel));
        }
        // a pivot's group (its supervariable and the variables eliminated with it) is indistinguishable in the graph, but
        // not for a pivoting LU: within a group the columns go sparsest first (original list length, then index)
        var order = new int[n];
        var key = new long[n];
        int k = 0;
        for (int t = 0; t < pivotCount; t++)
        {
            int k0 = k;
            for (int v = pivots[t]; v >= 0; v = _memNext[v]) { key[k] = ((long)_firstLen[v] << 32) | (uint)v; order[k++] = v; }
            if (k - k0 > 1) Array.Sort(key, order, k0, k - k0);
        }
        for (int i = 0; i < n; i++)
            if (_state[i] == Excluded) order[k++] = i;
        if (k != n) throw new InvalidOperationException($"internal error in minimum degree ordering: {k} of {n} variables ordered");
        return order;
    }

    /// <summary>
    /// Builds L_p: in place over A_p when p touches no element, else at the end of the workspace from A_p and the
    /// elements of E_p, which are absorbed. Members get negative weights (the marker of L_p) and leave the degree lists.
    /// Returns the start of L_p; its length is in _len[p] and its weight in <paramref name="degme"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int FormElement(int p, out int degme)
    {
        int elenp = _elen[p];
        degme = 0;
        int start, w;
        if (elenp == 0)
        {
            var iw = _iw;
            start = _pe[p];
            w = start;
            for (int t = start, end = start + _len[p]; t < end; t++)
            {
                TakeIntoElement(iw[t], iw, ref w, ref degme);
            }
        }
        else
        {
            long bound = _len[p] - elenp;
            for (int t = _pe[p], end = t + elenp; t < end; t++)
            {
                int e = _iw[t];
                if (_state[e] == Element) bound += _len[e];
            }
            EnsureFree(bound);
            var iw = _iw;
            int pp = _pe[p];
            start = _pfree;
            w = start;
            for (int t = pp, end = pp + elenp; t < end; t++)
            {
                int e = iw[t];
                if (_state[e] != Element) continue;
                for (int q = _pe[e], qe = q + _len[e]; q < qe; q++)
                {
                    TakeIntoElement(iw[q], iw, ref w, ref degme);
                }
                _state[e] = Absorbed;
                _ew[e] = -1;
                _len[e] = 0;
            }
            for (int t = pp + elenp, end = pp + _len[p]; t < end; t++)
            {
                TakeIntoElement(iw[t], iw, ref w, ref degme);
            }
            _pfree = w;
        }
        _state[p] = Element;
        _ew[p] = 0;
        _pe[p] = start;
        _len[p] = w - start;
        _elen[p] = 0;
        return start;
    }

    /// <summary>Appends variable j to the element being formed at iw[w] unless it is already in it (negative weight).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void TakeIntoElement(int j, int[] iw, ref int w, ref int degme)
    {
        int nvj = _nv[j];
        if (nvj <= 0) return;
        _nv[j] = -nvj;
        degme += nvj;
        Remove(j);
        iw[w++] = j;
    }

    /// <summary>w(e) = |L_e \ L_p| (weighted) for every live element e touching a variable of L_p.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ElementOverlaps(int lpStart, int lpEnd)
    {
        int st = NextWStamp();
        fixed (int* iw = _iw, nv = _nv, pe = _pe, elen = _elen, esize = _esize)
        fixed (long* ew = _ew)
        {
            long stamp = (long)st << 32;
            for (int t = lpStart; t < lpEnd; t++)
            {
                int i = iw[t];
                int nvi = -nv[i];
                for (int* q = iw + pe[i], qe = q + elen[i]; q < qe; q++)
                {
                    int e = *q;
                    long x = ew[e];
                    if (x < 0) continue; // absorbed
                    int val = (x & ~0xFFFFFFFFL) == stamp ? (int)x - nvi : esize[e] - nvi;
                    ew[e] = stamp | (uint)val;
                }
            }
        }
    }

    /// <summary>
    /// For each i ∈ L_p: prunes absorbed elements and the variables of L_p from its lists, absorbs elements with
    /// L_e ⊆ L_p, adds p, bounds its external degree, eliminates it with p when p is its only neighbour, else files it
    /// under the hash of its lists for <see cref="DetectSupervariables"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void UpdateVariables(int p, int lpStart, int lpEnd, ref int degme, ref int nel)
    {
        int shift = _hashShift;
        bool aggressive = _aggressive;
        fixed (int* iw = _iw, nv = _nv, pe = _pe, elen = _elen, len = _len, degree = _degree)
        fixed (long* ew = _ew)
        fixed (int* hashVal = _hashVal, hashNext = _hashNext, hashHead = _hashHead)
        fixed (byte* state = _state)
        {
            for (int t = lpStart; t < lpEnd; t++)
            {
                int i = iw[t];
                int pi = pe[i], ei = pi + elen[i], li = pi + len[i];
                int w = pi;
                long deg = 0;
                ulong h = (ulong)p;
                for (int q = pi; q < ei; q++)
                {
                    int e = iw[q];
                    long x = ew[e];
                    if (x < 0) continue; // absorbed
                    int we = (int)x;
                    if (we == 0 && aggressive)
                    {
                        state[e] = Absorbed; // aggressive absorption: L_e ⊆ L_p
                        ew[e] = -1;
                        len[e] = 0;
                        continue;
                    }
                    deg += we;
                    iw[w++] = e;
                    h += (ulong)e;
                }
                int elements = w - pi + 1;
                int vstart = w;
                for (int q = ei; q < li; q++)
                {
                    int j = iw[q];
                    int nvj = nv[j];
                    if (nvj <= 0) continue;
                    deg += nvj;
                    iw[w++] = j;
                    h += (ulong)j;
                }
                // p joins E_i; a slot is free because p left A_i or an element of E_p left E_i
                if (w > vstart) iw[w] = iw[vstart];
                iw[vstart] = p;
                if (++w > li) throw new InvalidOperationException("internal error in minimum degree ordering: list overflow");
                elen[i] = elements;
                len[i] = w - pi;
                if (elements == 1 && w - pi == 1)
                {
                    int nvi = -nv[i]; // mass elimination: i is adjacent to p only
                    nv[i] = 0;
                    state[i] = Merged;
                    len[i] = 0;
                    nel += nvi;
                    degme -= nvi;
                    AppendMembers(p, i);
                    continue;
                }
                if (deg < degree[i]) degree[i] = (int)deg;
                int b = (int)((h * 0x9E3779B97F4A7C15UL) >> shift);
                hashVal[i] = b;
                hashNext[i] = hashHead[b];
                hashHead[b] = i;
            }
        }
    }

    /// <summary>Merges variables of L_p whose element and variable sets are equal (same hash bucket, then set compare).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void DetectSupervariables(int lpStart, int lpEnd)
    {
        var iw = _iw;
        var nv = _nv;
        for (int t = lpStart; t < lpEnd; t++)
        {
            int first = iw[t];
            if (nv[first] >= 0) continue; // mass-eliminated or merged
            int b = _hashVal[first];
            int head = _hashHead[b];
            if (head < 0) continue; // bucket done
            _hashHead[b] = -1;
            if (_hashNext[head] < 0) continue; // single variable in bucket
            for (int i = head; i >= 0; i = _hashNext[i])
            {
                if (nv[i] == 0 || _hashNext[i] < 0) continue;
                int pi = _pe[i], li = _len[i], ei = _elen[i];
                int st = NextMark();
                for (int q = pi, qe = pi + li; q < qe; q++) _mark[iw[q]] = st;
                for (int j = _hashNext[i]; j >= 0; j = _hashNext[j])
                {
                    if (nv[j] == 0 || _len[j] != li || _elen[j] != ei) continue;
                    bool same = true;
                    for (int q = _pe[j], qe = q + li; q < qe; q++)
                        if (_mark[iw[q]] != st) { same = false; break; }
                    if (!same) continue;
                    nv[i] += nv[j]; // both negative while in L_p
                    nv[j] = 0;
                    _state[j] = Merged;
                    _len[j] = 0;
                    AppendMembers(i, j);
                }
            }
        }
    }

    /// <summary>
    /// Final degrees of the principal variables of L_p (d_i = min(d̄_i + |L_p \ i|, n − k − |i|)), back into the degree
    /// lists; L_p shrinks to them and p becomes an element of weight <paramref name="degme"/>. Returns the least degree.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int FinishStep(int p, int lpStart, int lpEnd, int degme, int nel)
    {
        var iw = _iw;
        var nv = _nv;
        int w = lpStart, least = int.MaxValue;
        int remaining = _active - nel;
        for (int t = lpStart; t < lpEnd; t++)
        {
            int i = iw[t];
            int nvi = -nv[i];
            if (nvi <= 0) continue;
            nv[i] = nvi;
            int d = _degree[i] + degme - nvi;
            int cap = remaining - nvi;
            if (d > cap) d = cap;
            if (d < 0) d = 0;
            _degree[i] = d;
            Insert(i);
            if (d < least) least = d;
            iw[w++] = i;
        }
        nv[p] = 0;
        _len[p] = w - lpStart;
        _esize[p] = degme;
        if (_len[p] == 0) { _state[p] = Absorbed; _ew[p] = -1; }
        if (_pfree == lpEnd && lpEnd != lpStart) _pfree = w;
        return least;
    }
}
