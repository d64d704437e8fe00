using HpcKit.Graphs.Model;

namespace HpcKit.Graphs.Analysis;

/// <summary>
/// Compares one graph's degrees with a model (spec §7, `hpckit chunglu stats`): edge count z against exact E[m],
/// per-node degree agreement (Σz² statistic, share of |z| &gt; 3), and the degree CCDF against the model's
/// mixed-Poisson prediction (nodes pooled into 256 log-spaced bins of E[d_u]; Le Cam error ≤ Σ p²).
/// </summary>
public sealed class DegreeStatistics
{
    /// <summary>Computes the statistics of <paramref name="degrees"/> (input order) and <paramref name="edges"/> under <paramref name="model"/>.</summary>
    public DegreeStatistics(ChungLuModel model, ReadOnlySpan<long> degrees, long edges)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (degrees.Length != model.N) throw new ArgumentException($"{degrees.Length} degrees for {model.N} nodes", nameof(degrees));
        var ex = model.Expectations();
        N = model.N;
        Edges = edges;
        ExpectedEdges = ex.EdgeMean;
        EdgeZ = ex.EdgeZ(edges);
        double s = 0, kurt = 0;
        int k = 0, big = 0;
        long maxDeg = 0;
        for (int u = 0; u < N; u++)
        {
            maxDeg = Math.Max(maxDeg, degrees[u]);
            if (ex.DegreeVariance[u] <= 0) continue;
            double z = (degrees[u] - ex.DegreeMean[u]) / Math.Sqrt(ex.DegreeVariance[u]);
            s += z * z;
            kurt += 2 + 1 / ex.DegreeVariance[u];
            if (Math.Abs(z) > 3) big++;
            k++;
        }
        DegreeChiZ = k > 0 ? (s - k) / Math.Sqrt(kurt) : 0;
        ShareAbove3 = k > 0 ? (double)big / k : 0;
        Degrees = [.. Ccdf(degrees, maxDeg, out var emp)];
        EmpiricalCcdf = emp;
        ModelCcdf = ModelTail(ex.DegreeMean, Degrees);
    }

    public int N { get; }
    public long Edges { get; }
    public double ExpectedEdges { get; }

    /// <summary>(m − E[m])/√Var[m].</summary>
    public double EdgeZ { get; }

    /// <summary>(Σ z_u² − n)/√(Σ(2 + 1/σ_u²)): about N(0,1) when degrees follow the model.</summary>
    public double DegreeChiZ { get; }

    /// <summary>Share of nodes with |z_u| &gt; 3 (≈ 0.27% under the model for large degrees).</summary>
    public double ShareAbove3 { get; }

    /// <summary>Degrees k at which the CCDFs are given (distinct observed degrees ≥ 1).</summary>
    public double[] Degrees { get; }

    /// <summary>Empirical P(D ≥ k).</summary>
    public double[] EmpiricalCcdf { get; }

    /// <summary>Model P(D ≥ k).</summary>
    public double[] ModelCcdf { get; }

    private static List<double> Ccdf(ReadOnlySpan<long> degrees, long maxDeg, out double[] ccdf)
    {
        var count = new long[maxDeg + 2];
        foreach (var d in degrees) count[d]++;
        var ks = new List<double>();
        var tail = new List<double>();
        long above = 0;
        for (long k = maxDeg; k >= 1; k--)
        {
            above += count[k];
            if (count[k] > 0)
            {
                ks.Add(k);
                tail.Add((double)above / degrees.Length);
            }
        }
        ks.Reverse();
        tail.Reverse();
        ccdf = [.. tail];
        return ks;
    }

    private static double[] ModelTail(double[] lambda, double[] ks)
    {
        const int bins = 256;
        double lo = double.MaxValue, hi = 0;
        foreach (var l in lambda)
            if (l > 0)
            {
                lo = Math.Min(lo, l);
                hi = Math.Max(hi, l);
            }
        var result = new double[ks.Length];
        if (hi == 0 || ks.Length == 0) return result;
        var sum = new double[bins];
        var cnt = new long[bins];
        double span = Math.Log(hi / lo) + 1e-12;
        foreach (var l in lambda)
        {
            if (l <= 0) continue;
            int b = Math.Min(bins - 1, (int)(Math.Log(l / lo) / span * bins));
            sum[b] += l;
            cnt[b]++;
        }
        int kmax = (int)ks[^1];
        for (int b = 0; b < bins; b++)
        {
            if (cnt[b] == 0) continue;
            double lam = sum[b] / cnt[b];
            // P(X ≥ k) for k = 0..kmax by a log-space pmf recursion
            var tail = new double[kmax + 2];
            double logp = -lam, cdf = 0;
            for (int k = 0; k <= kmax; k++)
            {
                tail[k] = Math.Max(0, 1 - cdf);
                cdf += Math.Exp(logp);
                logp += Math.Log(lam) - Math.Log(k + 1);
            }
            for (int i = 0; i < ks.Length; i++) result[i] += cnt[b] * tail[(int)ks[i]];
        }
        for (int i = 0; i < ks.Length; i++) result[i] /= lambda.Length;
        return result;
    }
}
