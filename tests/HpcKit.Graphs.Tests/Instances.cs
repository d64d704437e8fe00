using HpcKit.Core.Random;
using HpcKit.Graphs.Model;

namespace HpcKit.Graphs.Tests;

/// <summary>Fixed test instances.</summary>
internal static class Instances
{
    /// <summary>Power-law weights shuffled into a random input order (so the label map matters).</summary>
    public static double[] ShuffledPowerLaw(int n, double beta, double d, double max, ulong seed)
    {
        var w = PowerLawWeights.Create(n, beta, d, max);
        var rng = new RandomStream(seed, 99);
        rng.Shuffle(w.AsSpan());
        return w;
    }

    /// <summary>Heterogeneous small weights for pair-level tests: w_i = lo + (hi − lo)·((i·7) mod n)/n.</summary>
    public static double[] Spread(int n, double lo, double hi)
    {
        var w = new double[n];
        for (int i = 0; i < n; i++) w[i] = lo + (hi - lo) * ((i * 7) % n) / n;
        return w;
    }

    public static ChungLuModel Model(double[] w, ulong seed = 1, bool loops = false) =>
        new(w, new ChungLuOptions { Seed = seed, AllowSelfLoops = loops });
}
