using System.Globalization;
using HpcKit.Core;

namespace HpcKit.Graphs.Model;

/// <summary>
/// Chung–Lu power-law weights (spec §6.1): w_i = c·(i + i₀)^(−1/(β−1)) with c = ((β−2)/(β−1))·d·n^(1/(β−1)) and
/// i₀ = n·(d(β−2)/(m_max(β−1)))^(β−1), so w₀ = m_max and the weights are non-increasing (already sorted).
/// By default all weights are then multiplied by d·n/Σw so the mean is exactly d.
/// </summary>
public static class PowerLawWeights
{
    /// <summary>The n weights; <paramref name="maxDegree"/> ≤ 0 means the default √(n·d).</summary>
    public static double[] Create(long n, double beta, double averageDegree, double maxDegree = 0, MeanPolicy policy = MeanPolicy.RescaleToTarget)
    {
        if (n < 1) throw new HpcKitDataException($"n must be at least 1 (got {n})");
        if (n >= Array.MaxLength) throw new HpcKitDataException($"n = {n} exceeds this build's in-memory limit of {Array.MaxLength - 1} nodes");
        if (!(beta > 2) || double.IsInfinity(beta)) throw new HpcKitDataException(string.Create(CultureInfo.InvariantCulture, $"the exponent beta must be finite and greater than 2 (got {beta})"));
        if (!(averageDegree > 0) || double.IsInfinity(averageDegree)) throw new HpcKitDataException(string.Create(CultureInfo.InvariantCulture, $"the average degree must be positive and finite (got {averageDegree})"));
        if (double.IsNaN(maxDegree) || double.IsInfinity(maxDegree)) throw new HpcKitDataException("the maximum degree must be finite");
        double mMax = maxDegree > 0 ? maxDegree : Math.Sqrt(n * averageDegree);
        if (mMax < averageDegree) throw new HpcKitDataException(string.Create(CultureInfo.InvariantCulture, $"the maximum degree {mMax} is below the average degree {averageDegree}"));
        double g = 1.0 / (beta - 1);
        double c = (beta - 2) / (beta - 1) * averageDegree * Math.Pow(n, g);
        double i0 = n * Math.Pow(averageDegree * (beta - 2) / (mMax * (beta - 1)), beta - 1);
        var w = new double[n];
        for (long i = 0; i < n; i++) w[i] = c * Math.Pow(i + i0, -g);
        w[0] = Math.Min(w[0], mMax); // exact w₀ = m_max up to pow's last bit
        if (policy == MeanPolicy.RescaleToTarget)
        {
            double sum = 0;
            for (long i = n - 1; i >= 0; i--) sum += w[i];
            double k = averageDegree * n / sum;
            for (long i = 0; i < n; i++) w[i] *= k;
        }
        return w;
    }
}
