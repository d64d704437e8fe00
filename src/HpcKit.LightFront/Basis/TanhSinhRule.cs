namespace HpcKit.LightFront.Basis;

/// <summary>
/// Tanh–sinh (double-exponential) quadrature on (0, 1), robust to algebraic end-point singularities. Nodes carry
/// both x and 1 − x, each computed without cancellation.
/// </summary>
public sealed class TanhSinhRule
{
    /// <summary>Rule with step h on t ∈ [−T, T] (nodes whose weight underflows are dropped).</summary>
    public TanhSinhRule(double h = 1.0 / 16, double tMax = 3.6)
    {
        var x = new List<double>();
        var xc = new List<double>();
        var w = new List<double>();
        int n = (int)Math.Ceiling(tMax / h);
        for (int j = -n; j <= n; j++)
        {
            double t = j * h;
            double s = 0.5 * Math.PI * Math.Sinh(t);
            double c = Math.Cosh(s);
            double wt = h * 0.5 * 0.5 * Math.PI * Math.Cosh(t) / (c * c);
            double xl = 1.0 / (1.0 + Math.Exp(-2 * s));
            double xr = 1.0 / (1.0 + Math.Exp(2 * s));
            if (wt < 1e-300 || xl <= 0 || xr <= 0) continue;
            x.Add(xl);
            xc.Add(xr);
            w.Add(wt);
        }
        X = [.. x];
        OneMinusX = [.. xc];
        W = [.. w];
    }

    /// <summary>Nodes in (0, 1).</summary>
    public double[] X { get; }

    /// <summary>1 − node, accurate near 1.</summary>
    public double[] OneMinusX { get; }

    /// <summary>Weights.</summary>
    public double[] W { get; }
}
