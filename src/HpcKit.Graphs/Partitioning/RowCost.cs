using HpcKit.Graphs.Model;

namespace HpcKit.Graphs.Partitioning;

/// <summary>
/// The cost model of spec §4.2: c_u = a + b·m_u with m_u = min(L_u, ρ_u·T_u), T_u = Σ_{v&gt;u} w_v (v ≥ u with
/// loops), quantised to a long in units of 2⁻¹⁶. T_u comes from exact Int128 fixed-point sums, so c_u does not
/// depend on how sums were grouped, and partitions computed in parallel equal the sequential ones.
/// </summary>
public static class RowCost
{
    /// <summary>Quantum of the cost unit: costs are multiples of 2⁻¹⁶ candidates.</summary>
    public const double Scale = 65536.0;

    /// <summary>Quantised cost of sorted row u given the exact fixed-point sum of weights before u.</summary>
    public static long Quantised(ChungLuModel model, int u, Int128 prefixFixedBeforeU)
    {
        bool loops = model.Options.AllowSelfLoops;
        Int128 tail = model.SumFixed - prefixFixedBeforeU;
        if (!loops) tail -= ChungLuModel.FixedWeight(model.SortedWeights[u]);
        double t = (double)tail * (1.0 / 4294967296.0);
        double m = Math.Min(model.RowLength(u), model.Rho(u) * t);
        if (m < 0) m = 0;
        return (long)Math.Round((model.Options.CostA + model.Options.CostB * m) * Scale);
    }

    /// <summary>All n quantised costs, sequentially (O(n)).</summary>
    public static long[] All(ChungLuModel model)
    {
        var c = new long[model.N];
        Int128 pre = 0;
        for (int u = 0; u < c.Length; u++)
        {
            c[u] = Quantised(model, u, pre);
            pre += ChungLuModel.FixedWeight(model.SortedWeights[u]);
        }
        return c;
    }
}
