using System.Runtime.InteropServices;

namespace HpcKit.Sparse.Ordering;

/// <summary>
/// Minimum-degree elimination on a quotient graph with approximate external degrees, after Amestoy, Davis and Duff
/// (SIAM J. Matrix Anal. Appl. 17(4), 1996). Variables carry variable neighbours (A_i) and element neighbours (E_i);
/// eliminating the pivot p forms the element L_p = A_p ∪ (∪ L_e, e ∈ E_p) \ {p} and absorbs every e ∈ E_p. Degrees of
/// the variables in L_p are bounded by d_i ≤ |A_i| + |L_p \ i| + Σ_{e ∈ E_i \ p} |L_e \ L_p| (AMD's approximate degree,
/// with |L_e \ L_p| computed by one scan over L_p), capped by n − k and by the previous degree plus |L_p|.
/// Elements with |L_e \ L_p| = 0 are absorbed (aggressive absorption). The same engine orders AᵀA without forming it
/// (COLAMD, Davis–Gilbert–Larimore–Ng): the rows of A are then the initial elements.
/// Not implemented: supervariable detection and mass elimination (quality is close, run time higher on big cases).
/// Cost: O(Σ over pivots of Σ_{i ∈ L_p} (|A_i| + |E_i|)) with list-based sets.
/// </summary>
internal sealed class QuotientGraphOrdering
{
    private readonly int _n;
    private readonly List<int>[] _adjVars;
    private readonly List<int>[] _adjElems;
    private readonly List<int>?[] _elemVars;
    private readonly bool[] _elemAlive;
    private readonly bool[] _eliminated;
    private readonly bool[] _excluded;
    private readonly int[] _degree;
    private readonly int[] _head, _next, _prev;
    private readonly int[] _mark;
    private readonly int[] _wStamp, _w;
    private readonly Stack<List<int>> _spare = new();
    private int _stamp;

    /// <param name="n">variables (columns)</param>
    /// <param name="elementCount">ids of initial elements are n .. n + elementCount − 1</param>
    public QuotientGraphOrdering(int n, int elementCount)
    {
        _n = n;
        int ne = n + elementCount;
        _adjVars = new List<int>[n];
        _adjElems = new List<int>[n];
        for (int i = 0; i < n; i++) { _adjVars[i] = []; _adjElems[i] = []; }
        _elemVars = new List<int>?[ne];
        _elemAlive = new bool[ne];
        _eliminated = new bool[n];
        _excluded = new bool[n];
        _degree = new int[n];
        _head = new int[n + 1];
        _next = new int[n];
        _prev = new int[n];
        _mark = new int[n];
        _wStamp = new int[ne];
        _w = new int[ne];
    }

    public void AddVariableEdge(int i, int j) => _adjVars[i].Add(j);

    public void AddInitialElement(int id, List<int> vars)
    {
        int e = _n + id;
        _elemVars[e] = vars;
        _elemAlive[e] = true;
        foreach (int v in vars) _adjElems[v].Add(e);
    }

    /// <summary>Variables ordered last in natural order (dense rows/columns).</summary>
    public void Exclude(int i) => _excluded[i] = true;

    public int[] Run()
    {
        int n = _n;
        var order = new int[n];
        int k = 0;
        Array.Fill(_head, -1);
        for (int i = 0; i < n; i++)
        {
            if (_excluded[i]) continue;
            _adjVars[i].RemoveAll(j => j == i || _excluded[j]);
            long d = _adjVars[i].Count;
            foreach (int e in _adjElems[i]) d += _elemVars[e]!.Count - 1;
            _degree[i] = (int)Math.Min(d, n - 1);
            Insert(i);
        }
        // element sizes of initial elements must not count excluded variables
        for (int e = n; e < _elemVars.Length; e++)
            if (_elemAlive[e]) _elemVars[e]!.RemoveAll(v => _excluded[v]);
        int minDeg = 0;
        int active = n;
        for (int i = 0; i < n; i++) if (_excluded[i]) active--;
        for (int step = 0; step < active; step++)
        {
            while (_head[minDeg] < 0) minDeg++;
            int p = _head[minDeg];
            Remove(p);
            _eliminated[p] = true;
            order[k++] = p;
            // form the new element L_p
            int st = ++_stamp;
            _mark[p] = st;
            // L_p is built in a list taken from the pool of absorbed elements' lists (no allocation once warm)
            var lp = _spare.Count > 0 ? _spare.Pop() : new List<int>();
            lp.Clear();
            foreach (int v in CollectionsMarshal.AsSpan(_adjVars[p]))
                if (!_eliminated[v] && !_excluded[v] && _mark[v] != st) { _mark[v] = st; lp.Add(v); }
            foreach (int e in CollectionsMarshal.AsSpan(_adjElems[p]))
            {
                if (!_elemAlive[e]) continue;
                foreach (int v in CollectionsMarshal.AsSpan(_elemVars[e]))
                    if (!_eliminated[v] && _mark[v] != st) { _mark[v] = st; lp.Add(v); }
                Absorb(e);
            }
            _adjVars[p].Clear();
            _adjElems[p].Clear();
            _elemVars[p] = lp;
            _elemAlive[p] = true;
            var lps = CollectionsMarshal.AsSpan(lp);
            // update adjacency of the variables of L_p
            foreach (int i in lps)
            {
                Remove(i);
                var ei = _adjElems[i];
                var eis = CollectionsMarshal.AsSpan(ei);
                int w = 0;
                for (int t = 0; t < eis.Length; t++) { int e = eis[t]; if (_elemAlive[e]) eis[w++] = e; }
                ei.RemoveRange(w, eis.Length - w);
                ei.Add(p);
                var ai = _adjVars[i];
                var ais = CollectionsMarshal.AsSpan(ai);
                w = 0;
                for (int t = 0; t < ais.Length; t++) { int j = ais[t]; if (!_eliminated[j] && _mark[j] != st && !_excluded[j]) ais[w++] = j; }
                ai.RemoveRange(w, ais.Length - w);
            }
            // |L_e \ L_p| for every other element touching L_p
            int wst = ++_stamp;
            foreach (int i in lps)
                foreach (int e in CollectionsMarshal.AsSpan(_adjElems[i]))
                {
                    if (e == p) continue;
                    if (_wStamp[e] != wst) { _wStamp[e] = wst; _w[e] = _elemVars[e]!.Count; }
                    _w[e]--;
                }
            int remaining = active - step - 1;
            int lpSize = lps.Length;
            foreach (int i in lps)
            {
                var ei = _adjElems[i];
                var eis = CollectionsMarshal.AsSpan(ei);
                int cnt = eis.Length;
                long d = _adjVars[i].Count + lpSize - 1;
                for (int t = cnt - 1; t >= 0; t--)
                {
                    int e = eis[t];
                    if (e == p) continue;
                    int we = _w[e];
                    if (we <= 0)
                    {
                        // aggressive absorption: L_e ⊆ L_p
                        Absorb(e);
                        eis[t] = eis[--cnt];
                        continue;
                    }
                    d += we;
                }
                ei.RemoveRange(cnt, eis.Length - cnt);
                long bound = (long)_degree[i] + lpSize - 1;
                d = Math.Min(d, bound);
                d = Math.Min(d, remaining - 1);
                _degree[i] = (int)Math.Max(0, d);
                Insert(i);
                if (_degree[i] < minDeg) minDeg = _degree[i];
            }
            // stale absorbed ids may remain in E_j of variables outside L_p; they are filtered lazily
        }
        for (int i = 0; i < n; i++) if (_excluded[i]) order[k++] = i;
        return order;
    }

    /// <summary>Marks element e absorbed and recycles its variable list.</summary>
    private void Absorb(int e)
    {
        _elemAlive[e] = false;
        var list = _elemVars[e];
        _elemVars[e] = null;
        if (list != null && e < _n) _spare.Push(list); // initial elements' lists belong to the caller
    }

    private void Insert(int i)
    {
        int d = _degree[i];
        _prev[i] = -1;
        _next[i] = _head[d];
        if (_head[d] >= 0) _prev[_head[d]] = i;
        _head[d] = i;
    }

    private void Remove(int i)
    {
        if (_prev[i] >= 0) _next[_prev[i]] = _next[i];
        else if (_head[_degree[i]] == i) _head[_degree[i]] = _next[i];
        else return; // not in a list
        if (_next[i] >= 0) _prev[_next[i]] = _prev[i];
        _prev[i] = -1;
        _next[i] = -1;
    }
}
