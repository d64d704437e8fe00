using HpcKit.Core.Random;

namespace HpcKit.Sparse.Generators;

/// <summary>
/// Synthetic meshed transmission grid (spec §5): N buses uniform in the unit square, a Euclidean minimum spanning
/// tree for connectivity (Prim, O(N²)), then the shortest non-tree edges among the k = 6 nearest neighbours until
/// |E| = r·N. Reactance grows with length; b_e = 1/x_e. Generators at 25 % of buses with quadratic costs, loads at
/// 60 % (60 % of capacity). Deterministic for (seed, N, r).
/// </summary>
public sealed class GridGraph
{
    private GridGraph(int buses) => Buses = buses;

    public int Buses { get; }

    public double[] X { get; private set; } = [];

    public double[] Y { get; private set; } = [];

    /// <summary>Line endpoints.</summary>
    public int[] From { get; private set; } = [];

    public int[] To { get; private set; } = [];

    /// <summary>Line susceptance b_e = 1/x_e.</summary>
    public double[] Susceptance { get; private set; } = [];

    /// <summary>Bus of each generator.</summary>
    public int[] GeneratorBus { get; private set; } = [];

    public double[] PMin { get; private set; } = [];

    public double[] PMax { get; private set; } = [];

    /// <summary>Quadratic cost coefficient a (cost a p² + c p).</summary>
    public double[] CostQuadratic { get; private set; } = [];

    public double[] CostLinear { get; private set; } = [];

    /// <summary>Demand per bus.</summary>
    public double[] Demand { get; private set; } = [];

    public int Lines => From.Length;

    public int Generators => GeneratorBus.Length;

    /// <summary>Builds the grid.</summary>
    public static GridGraph Create(int buses, ulong seed, double edgeRatio = 1.4)
    {
        if (buses < 4) throw new ArgumentOutOfRangeException(nameof(buses), "at least 4 buses");
        var g = new GridGraph(buses);
        var rng = new RandomStream(seed, 1);
        int n = buses;
        var x = new double[n];
        var y = new double[n];
        for (int i = 0; i < n; i++) { x[i] = rng.NextDouble(); y[i] = rng.NextDouble(); }
        g.X = x;
        g.Y = y;
        // Prim's EMST
        var inTree = new bool[n];
        var best = new double[n];
        var parent = new int[n];
        Array.Fill(best, double.PositiveInfinity);
        best[0] = 0;
        parent[0] = -1;
        var from = new List<int>();
        var to = new List<int>();
        var edges = new HashSet<long>();
        for (int step = 0; step < n; step++)
        {
            int u = -1;
            double bu = double.PositiveInfinity;
            for (int i = 0; i < n; i++) if (!inTree[i] && best[i] < bu) { bu = best[i]; u = i; }
            inTree[u] = true;
            if (parent[u] >= 0) { from.Add(parent[u]); to.Add(u); edges.Add(Key(parent[u], u)); }
            for (int i = 0; i < n; i++)
            {
                if (inTree[i]) continue;
                double d = Dist2(x, y, u, i);
                if (d < best[i]) { best[i] = d; parent[i] = u; }
            }
        }
        // candidate non-tree edges: k nearest neighbours
        const int k = 6;
        var cand = new List<(double D, int A, int B)>();
        var nd = new double[k];
        var ni = new int[k];
        for (int i = 0; i < n; i++)
        {
            int cnt = 0;
            for (int j = 0; j < n; j++)
            {
                if (j == i) continue;
                double d = Dist2(x, y, i, j);
                if (cnt < k) { nd[cnt] = d; ni[cnt] = j; cnt++; SiftUp(nd, ni, cnt); }
                else if (d < nd[k - 1]) { nd[k - 1] = d; ni[k - 1] = j; SiftUp(nd, ni, k); }
            }
            for (int t = 0; t < cnt; t++)
                if (!edges.Contains(Key(i, ni[t])) && i < ni[t]) cand.Add((nd[t], i, ni[t]));
                else if (!edges.Contains(Key(i, ni[t])) && i > ni[t]) cand.Add((nd[t], ni[t], i));
        }
        cand.Sort((p, q) => p.D != q.D ? p.D.CompareTo(q.D) : p.A != q.A ? p.A.CompareTo(q.A) : p.B.CompareTo(q.B));
        int target = (int)Math.Round(edgeRatio * n);
        foreach (var c in cand)
        {
            if (from.Count >= target) break;
            if (edges.Add(Key(c.A, c.B))) { from.Add(c.A); to.Add(c.B); }
        }
        g.From = [.. from];
        g.To = [.. to];
        double mean = 0;
        for (int e = 0; e < g.Lines; e++) mean += Math.Sqrt(Dist2(x, y, g.From[e], g.To[e]));
        mean /= g.Lines;
        g.Susceptance = new double[g.Lines];
        for (int e = 0; e < g.Lines; e++) g.Susceptance[e] = 1.0 / (0.01 + 0.05 * Math.Sqrt(Dist2(x, y, g.From[e], g.To[e])) / mean);
        // generators and loads
        var perm = new int[n];
        for (int i = 0; i < n; i++) perm[i] = i;
        rng.Shuffle(perm.AsSpan());
        int ng = Math.Max(1, n / 4);
        g.GeneratorBus = perm[..ng];
        Array.Sort(g.GeneratorBus);
        g.PMin = new double[ng];
        g.PMax = new double[ng];
        g.CostQuadratic = new double[ng];
        g.CostLinear = new double[ng];
        double cap = 0;
        for (int t = 0; t < ng; t++)
        {
            g.PMax[t] = rng.NextUniform(1, 3);
            g.PMin[t] = 0.1 * g.PMax[t];
            g.CostQuadratic[t] = rng.NextUniform(0.01, 0.1);
            g.CostLinear[t] = rng.NextUniform(1, 5);
            cap += g.PMax[t];
        }
        rng.Shuffle(perm.AsSpan());
        int nl = (int)(0.6 * n);
        g.Demand = new double[n];
        double wsum = 0;
        var w = new double[nl];
        for (int t = 0; t < nl; t++) { w[t] = rng.NextUniform(0.5, 1.5); wsum += w[t]; }
        for (int t = 0; t < nl; t++) g.Demand[perm[t]] = 0.6 * cap * w[t] / wsum;
        return g;

        static long Key(int a, int b) => a < b ? ((long)a << 32) | (uint)b : ((long)b << 32) | (uint)a;
    }

    /// <summary>Marks the lines whose removal disconnects the grid (Tarjan's low-link, iterative).</summary>
    public bool[] Bridges()
    {
        int n = Buses, m = Lines;
        var adjPtr = new int[n + 1];
        for (int e = 0; e < m; e++) { adjPtr[From[e] + 1]++; adjPtr[To[e] + 1]++; }
        for (int i = 0; i < n; i++) adjPtr[i + 1] += adjPtr[i];
        var adj = new int[2 * m];
        var fill = (int[])adjPtr.Clone();
        for (int e = 0; e < m; e++) { adj[fill[From[e]]++] = e; adj[fill[To[e]]++] = e; }
        var disc = new int[n];
        var low = new int[n];
        Array.Fill(disc, -1);
        var parentEdge = new int[n];
        var pos = new int[n];
        var stack = new int[n];
        var bridge = new bool[m];
        int time = 0;
        for (int root = 0; root < n; root++)
        {
            if (disc[root] >= 0) continue;
            int sp = 0;
            stack[0] = root;
            parentEdge[root] = -1;
            disc[root] = low[root] = time++;
            pos[root] = adjPtr[root];
            while (sp >= 0)
            {
                int u = stack[sp];
                if (pos[u] < adjPtr[u + 1])
                {
                    int e = adj[pos[u]++];
                    if (e == parentEdge[u]) continue;
                    int v = From[e] == u ? To[e] : From[e];
                    if (disc[v] < 0)
                    {
                        disc[v] = low[v] = time++;
                        parentEdge[v] = e;
                        pos[v] = adjPtr[v];
                        stack[++sp] = v;
                    }
                    else low[u] = Math.Min(low[u], disc[v]);
                }
                else
                {
                    sp--;
                    if (sp >= 0)
                    {
                        int par = stack[sp];
                        low[par] = Math.Min(low[par], low[u]);
                        if (low[u] > disc[par]) bridge[parentEdge[u]] = true;
                    }
                }
            }
        }
        return bridge;
    }

    private static double Dist2(double[] x, double[] y, int a, int b)
    {
        double dx = x[a] - x[b], dy = y[a] - y[b];
        return dx * dx + dy * dy;
    }

    // keeps nd[0..cnt) sorted ascending by insertion of the last element
    private static void SiftUp(double[] nd, int[] ni, int cnt)
    {
        for (int t = cnt - 1; t > 0 && nd[t] < nd[t - 1]; t--)
        {
            (nd[t], nd[t - 1]) = (nd[t - 1], nd[t]);
            (ni[t], ni[t - 1]) = (ni[t - 1], ni[t]);
        }
    }
}
