namespace HpcKit.LightFront.Eigen;

/// <summary>
/// Extrapolation in resolution (§6.3): E(Δ) = E* + cΔ^p fitted exactly through each run of three successive
/// resolutions (p by bisection, never assumed). The estimate is E* of the last triple; the uncertainty is the spread
/// of E* over the last three triples (or the last change when the sequence is too short or not monotone).
/// </summary>
public static class PowerLawExtrapolation
{
    /// <summary>Fits a sequence of resolutions h (decreasing) and values e.</summary>
    public static ExtrapolationResult Fit(ReadOnlySpan<double> h, ReadOnlySpan<double> e)
    {
        if (h.Length != e.Length || h.Length == 0) throw new ArgumentException("need equal, non-empty sequences");
        int n = h.Length;
        if (n < 3)
            return new ExtrapolationResult(e[n - 1], n > 1 ? Math.Abs(e[n - 1] - e[n - 2]) : double.NaN, double.NaN, "last value");
        var stars = new List<double>();
        var ps = new List<double>();
        for (int s = 0; s + 2 < n; s++)
        {
            if (TryTriple(h[s], h[s + 1], h[s + 2], e[s], e[s + 1], e[s + 2], out double star, out double p))
            {
                stars.Add(star);
                ps.Add(p);
            }
            else
            {
                stars.Clear();
                ps.Clear();
            }
        }
        if (stars.Count == 0)
            return new ExtrapolationResult(e[n - 1], Math.Abs(e[n - 1] - e[n - 2]), double.NaN, "last value (not a monotone power law)");
        int take = Math.Min(3, stars.Count);
        double lo = double.MaxValue, hi = double.MinValue;
        for (int i = stars.Count - take; i < stars.Count; i++) { lo = Math.Min(lo, stars[i]); hi = Math.Max(hi, stars[i]); }
        double unc = take > 1 ? hi - lo : Math.Abs(stars[^1] - e[n - 1]);
        return new ExtrapolationResult(stars[^1], unc, ps[^1], $"E* + c·Δ^p over the last {take} triple(s)");
    }

    private static bool TryTriple(double h1, double h2, double h3, double e1, double e2, double e3, out double star, out double p)
    {
        star = double.NaN;
        p = double.NaN;
        double d12 = e1 - e2, d23 = e2 - e3;
        if (d12 == 0 || d23 == 0 || Math.Sign(d12) != Math.Sign(d23)) return false;
        double r = d12 / d23;
        // g(p) = (h1^p − h2^p)/(h2^p − h3^p) increases with p for h1 > h2 > h3.
        double G(double q) => (Math.Pow(h1, q) - Math.Pow(h2, q)) / (Math.Pow(h2, q) - Math.Pow(h3, q));
        double lo = 0.02, hi = 8;
        if (r <= G(lo) || r >= G(hi)) return false;
        for (int it = 0; it < 200; it++)
        {
            double mid = 0.5 * (lo + hi);
            if (G(mid) < r) lo = mid; else hi = mid;
        }
        p = 0.5 * (lo + hi);
        double c = d23 / (Math.Pow(h2, p) - Math.Pow(h3, p));
        star = e3 - c * Math.Pow(h3, p);
        return true;
    }
}
