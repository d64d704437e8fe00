using System.Runtime.CompilerServices;

namespace HpcKit.Sparse.Ordering;

/// <summary>
/// Minimum-degree elimination on a quotient graph held in one flat integer workspace, written from the description
/// of approximate minimum degree by Amestoy, Davis and Duff (SIAM J. Matrix Anal. Appl. 17(4), 1996).
/// <para>
/// Nodes 0..n−1 are variables, nodes n..n+m−1 the caller's initial elements (COLAMD: the rows of A); eliminating a
/// pivot p turns node p into the element L_p = (A_p ∪ ⋃_{e ∈ E_p} L_e) \ p and absorbs every e ∈ E_p. A variable's
/// list in the workspace holds its elements E_i first (<c>elen</c> of them), then its variable neighbours A_i; an
/// element's list holds its variables. When the workspace is full the live lists are compacted to its front (and the
/// workspace grows only if that is not enough).
/// </para>
/// <para>
/// Per pivot: |L_e \ L_p| is computed for every element touching L_p by one scan; each i ∈ L_p then gets AMD's
/// approximate external degree min(d_i + |L_p \ i|, |A_i| + |L_p \ i| + Σ_{e ∈ E_i \ p} |L_e \ L_p|, n − k − |i|);
/// elements with L_e ⊆ L_p are absorbed (aggressive absorption); variables adjacent only to p are eliminated with it
/// (mass elimination); variables of L_p with equal (E_i, A_i) — found by hashing the id sums and comparing the sets —
/// are merged into supervariables, which are weighted in every degree and expanded in the final order. A pivot's
/// group (its supervariable and the variables eliminated with it) is indistinguishable in the graph but not for a
/// pivoting LU, so it is emitted sparsest original column first (a hub column goes last).
/// </para>
/// Everything is indexed by node id; ties go to the most recently reinserted variable, initially to the lowest index,
/// so the order is deterministic.
/// </summary>
internal sealed partial class QuotientGraphOrdering
{
    private const byte Variable = 0, Merged = 1, Element = 2, Absorbed = 3, Excluded = 4;

    private readonly int _n;
    private int[] _iw;
    private int _pfree;
    private readonly int[] _pe, _len, _esize, _wVal, _mark;

    /// <summary>Per element: −1 once absorbed, else (stamp &lt;&lt; 32) | |L_e \ L_p| for the step of that stamp.</summary>
    private readonly long[] _ew;
    private readonly byte[] _state;
    private readonly int[] _elen, _nv, _degree, _head, _next, _prev, _hashHead, _hashNext, _hashVal, _memNext, _memTail, _firstLen;
    private readonly int _hashShift; // buckets: the top 64 − shift bits of (id sum · golden ratio), ≥ n of them
    private int _active, _wStampNow, _markNow;
    private bool _aggressive = true;

    private QuotientGraphOrdering(int n, int nodes, int capacity)
    {
        _n = n;
        _iw = new int[capacity];
        _pe = new int[nodes];
        _len = new int[nodes];
        _esize = new int[nodes];
        _ew = new long[nodes];
        _wVal = new int[nodes];
        _mark = new int[nodes];
        _state = new byte[nodes];
        _elen = new int[n];
        _nv = new int[n];
        _degree = new int[n];
        _head = new int[Math.Max(n, 1)];
        _next = new int[n];
        _prev = new int[n];
        _hashShift = 64 - Math.Max(1, 32 - System.Numerics.BitOperations.LeadingZeroCount((uint)Math.Max(n, 2) - 1));
        _hashHead = new int[1 << (64 - _hashShift)];
        _hashNext = new int[n];
        _hashVal = new int[n];
        _memNext = new int[n];
        _memTail = new int[n];
        _firstLen = new int[n];
    }

    /// <summary>
    /// Orders n variables. <paramref name="adjPtr"/>/<paramref name="adjIdx"/> (CSR, n + 1 pointers or empty) give the
    /// symmetric variable–variable adjacency without self loops or duplicates; <paramref name="elemPtr"/>/
    /// <paramref name="elemIdx"/> (m + 1 pointers or empty) the variables of m initial elements, without duplicates.
    /// Excluded variables (dense) are skipped wherever they appear and ordered last, in natural order.
    /// A variable's first degree is |A_i| plus Σ (|L_e| − 1) over its elements (COLAMD's initial column score), or with
    /// <paramref name="exactInitialDegree"/> the exact size of the union. <paramref name="aggressive"/> turns
    /// aggressive absorption on (default). <paramref name="capacity"/> &gt; 0 sets the initial workspace size (at least
    /// the input's), so that tests can force compaction and growth.
    /// </summary>
    /// <returns>q with q[k] = the variable eliminated at step k.</returns>
    public static int[] Order(int n, ReadOnlySpan<int> adjPtr, ReadOnlySpan<int> adjIdx, ReadOnlySpan<int> elemPtr,
        ReadOnlySpan<int> elemIdx, ReadOnlySpan<bool> excluded, bool exactInitialDegree = false, bool aggressive = true, int capacity = 0)
    {
        int m = elemPtr.Length > 0 ? elemPtr.Length - 1 : 0;
        long used = (adjPtr.Length > 0 ? adjPtr[n] : 0) + 2L * (m > 0 ? elemPtr[m] : 0);
        long size = capacity > 0 ? Math.Max(used, capacity) : used + used / 2 + 2L * n + 64;
        if (size > Array.MaxLength) throw new InvalidOperationException("ordering workspace exceeds the array size limit");
        var g = new QuotientGraphOrdering(n, n + m, (int)size) { _aggressive = aggressive };
        g.Load(adjPtr, adjIdx, elemPtr, elemIdx, excluded, exactInitialDegree);
        return g.Run();
    }

    /// <summary>Lays the lists out in the workspace (variables: elements then neighbours; then elements).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Load(ReadOnlySpan<int> adjPtr, ReadOnlySpan<int> adjIdx, ReadOnlySpan<int> elemPtr, ReadOnlySpan<int> elemIdx,
        ReadOnlySpan<bool> excluded, bool exactInitialDegree)
    {
        int n = _n, m = elemPtr.Length > 0 ? elemPtr.Length - 1 : 0;
        var iw = _iw;
        bool hasAdj = adjPtr.Length > 0;
        for (int i = 0; i < n; i++)
        {
            _nv[i] = 1;
            _memNext[i] = -1;
            _memTail[i] = i;
            _state[i] = excluded.Length > 0 && excluded[i] ? Excluded : Variable;
        }
        // element counts per variable (the E_i part), then the layout
        var ecount = _wVal; // scratch, reset below
        Array.Clear(ecount);
        for (int e = 0; e < m; e++)
            for (int t = elemPtr[e]; t < elemPtr[e + 1]; t++)
                if (_state[elemIdx[t]] != Excluded) ecount[elemIdx[t]]++;
        int pos = 0;
        for (int i = 0; i < n; i++)
        {
            _pe[i] = pos;
            if (_state[i] == Excluded) { ecount[i] = 0; continue; }
            int c = ecount[i];
            _elen[i] = c;
            ecount[i] = pos; // cursor for the element entries
            pos += c;
            if (hasAdj)
                for (int t = adjPtr[i]; t < adjPtr[i + 1]; t++)
                {
                    int j = adjIdx[t];
                    if (_state[j] != Excluded) iw[pos++] = j;
                }
            _len[i] = pos - _pe[i];
            _firstLen[i] = _len[i];
        }
        for (int e = 0; e < m; e++)
        {
            int node = n + e;
            _pe[node] = pos;
            for (int t = elemPtr[e]; t < elemPtr[e + 1]; t++)
            {
                int v = elemIdx[t];
                if (_state[v] == Excluded) continue;
                iw[pos++] = v;
                iw[ecount[v]++] = node;
            }
            _len[node] = pos - _pe[node];
            _esize[node] = _len[node];
            _state[node] = _len[node] > 0 ? Element : Absorbed;
            _ew[node] = _len[node] > 0 ? 0 : -1;
        }
        _pfree = pos;
        Array.Clear(_wVal);
        InitialDegrees(exactInitialDegree);
    }

    /// <summary>Degree of every variable before the first pivot: |A_i| plus the union (or sum) of its elements.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void InitialDegrees(bool exact)
    {
        int n = _n;
        var iw = _iw;
        _active = 0;
        for (int i = 0; i < n; i++)
        {
            if (_state[i] == Excluded) continue;
            _active++;
            int p0 = _pe[i], el = _elen[i], l = _len[i];
            long d = l - el;
            if (el > 0 && exact)
            {
                int st = NextMark();
                _mark[i] = st;
                for (int t = p0 + el; t < p0 + l; t++) _mark[iw[t]] = st;
                for (int t = p0; t < p0 + el; t++)
                {
                    int e = iw[t];
                    for (int q = _pe[e], qe = q + _len[e]; q < qe; q++)
                    {
                        int v = iw[q];
                        if (_mark[v] != st) { _mark[v] = st; d++; }
                    }
                }
            }
            else
            {
                for (int t = p0; t < p0 + el; t++) d += _len[iw[t]] - 1;
            }
            _degree[i] = (int)Math.Min(d, n - 1);
        }
    }

    private int NextMark()
    {
        if (_markNow == int.MaxValue) { Array.Clear(_mark); _markNow = 0; }
        return ++_markNow;
    }

    private int NextWStamp()
    {
        if (_wStampNow == int.MaxValue)
        {
            for (int e = 0; e < _ew.Length; e++) if (_ew[e] > 0) _ew[e] = 0;
            _wStampNow = 0;
        }
        return ++_wStampNow;
    }

    private void Insert(int i)
    {
        int d = _degree[i];
        int h = _head[d];
        _prev[i] = -1;
        _next[i] = h;
        if (h >= 0) _prev[h] = i;
        _head[d] = i;
    }

    private void Remove(int i)
    {
        int pv = _prev[i], nx = _next[i];
        if (pv >= 0) _next[pv] = nx;
        else _head[_degree[i]] = nx;
        if (nx >= 0) _prev[nx] = pv;
    }

    /// <summary>Appends supervariable b's members after a's (b's principal stops being one).</summary>
    private void AppendMembers(int a, int b)
    {
        _memNext[_memTail[a]] = b;
        _memTail[a] = _memTail[b];
    }

    /// <summary>Makes room for <paramref name="need"/> entries at the end: compacts the live lists, then grows if needed.</summary>
    private void EnsureFree(long need)
    {
        if (_pfree + need <= _iw.Length) return;
        Compact();
        if (_pfree + need <= _iw.Length) return;
        long size = Math.Max(2L * _iw.Length, _pfree + need + _n);
        if (size > Array.MaxLength) size = Math.Max(_pfree + need, Array.MaxLength);
        Array.Resize(ref _iw, (int)size);
    }

    /// <summary>
    /// Moves every live list (principal variables, live elements) to the front of the workspace in address order.
    /// The first entry of each list is parked in <c>_wVal</c> and replaced by −(node + 1), so one sweep finds the lists.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Compact()
    {
        var iw = _iw;
        int nodes = _pe.Length;
        for (int u = 0; u < nodes; u++)
        {
            if (_len[u] == 0) continue;
            byte s = _state[u];
            if (s != Variable && s != Element) continue;
            int q = _pe[u];
            _wVal[u] = iw[q];
            iw[q] = -(u + 1);
        }
        int w = 0, r = 0, end = _pfree;
        while (r < end)
        {
            int x = iw[r];
            if (x >= 0) { r++; continue; }
            int u = -x - 1, l = _len[u];
            iw[w] = _wVal[u];
            if (l > 1) iw.AsSpan(r + 1, l - 1).CopyTo(iw.AsSpan(w + 1));
            _pe[u] = w;
            w += l;
            r += l;
        }
        _pfree = w;
    }
}
