using HpcKit.Core.Random;

namespace HpcKit.Diffraction.ActiveLearning;

/// <summary>
/// Counts n ~ Multinomial(M, w), drawn as M categorical draws against the cumulative weights (binary search),
/// as published. Samples in proportion to uncertainty; it is not top-k.
/// </summary>
public static class MultinomialAllocation
{
    /// <summary>Fills <paramref name="counts"/> (cleared first); the counts sum to <paramref name="draws"/>.</summary>
    public static void Draw(ReadOnlySpan<double> weights, int draws, ref RandomStream rng, Span<int> counts)
    {
        int n = weights.Length;
        if (counts.Length != n) throw new ArgumentException("counts must match weights in length", nameof(counts));
        ArgumentOutOfRangeException.ThrowIfNegative(draws);
        var cumulative = new double[n];
        double acc = 0;
        for (int i = 0; i < n; i++)
        {
            double w = weights[i];
            if (!(w >= 0) || double.IsInfinity(w)) throw new ArgumentException($"weight {i} is {w}; weights must be finite and non-negative", nameof(weights));
            acc += w;
            cumulative[i] = acc;
        }
        if (!(acc > 0)) throw new ArgumentException("weights sum to zero", nameof(weights));
        counts.Clear();
        for (int d = 0; d < draws; d++)
        {
            double u = rng.NextDouble() * acc; // (0, acc]
            int lo = 0, hi = n - 1;
            while (lo < hi)
            {
                int mid = (lo + hi) >> 1;
                if (cumulative[mid] >= u) hi = mid; else lo = mid + 1;
            }
            counts[lo]++;
        }
    }
}
