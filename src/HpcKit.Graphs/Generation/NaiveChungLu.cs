using HpcKit.Core.Random;
using HpcKit.Graphs.Model;

namespace HpcKit.Graphs.Generation;

/// <summary>
/// The O(n²) reference: every pair {u, v} (u ≤ v with loops) is an edge with p = min(1, w_u·w_v/S), drawn
/// with its own RNG layout (one <see cref="RandomStream"/> per row, stream id 2⁴⁰ + u, uniform in (0,1]).
/// Independent of the skipping kernel; used by the validation battery at small n.
/// </summary>
public static class NaiveChungLu
{
    /// <summary>Generates the graph of <paramref name="weights"/> (input order) into <paramref name="sink"/>.</summary>
    public static void Generate<TSink>(ReadOnlySpan<double> weights, ulong seed, bool loops, ref TSink sink) where TSink : struct, IEdgeSink
    {
        double s = 0;
        foreach (var x in weights) s += x;
        if (s <= 0) return;
        int n = weights.Length;
        for (int u = 0; u < n; u++)
        {
            var rng = new RandomStream(seed, (1UL << 40) + (ulong)u);
            for (int v = loops ? u : u + 1; v < n; v++)
            {
                double p = Math.Min(1.0, weights[u] * weights[v] / s);
                if (rng.NextDouble() <= p && p > 0) sink.Edge(u, v);
            }
        }
    }
}
