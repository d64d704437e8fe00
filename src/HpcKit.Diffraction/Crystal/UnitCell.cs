using HpcKit.Core;

namespace HpcKit.Diffraction.Crystal;

/// <summary>
/// A unit cell (a, b, c in Å; α, β, γ in degrees) with its direct metric G, reciprocal metric G* = G⁻¹
/// (closed-form inverse, double) and GSAS-II's A-terms: 1/d² = A1h² + A2k² + A3l² + A4hk + A5hl + A6kl.
/// </summary>
public sealed class UnitCell
{
    private readonly double[] _a = new double[6];

    /// <summary>Builds a cell; throws <see cref="HpcKitDataException"/> for non-positive lengths or angles that make no cell.</summary>
    public UnitCell(double a, double b, double c, double alpha, double beta, double gamma)
    {
        if (!(a > 0) || !(b > 0) || !(c > 0) || !double.IsFinite(a + b + c))
            throw new HpcKitDataException($"non-physical cell: lengths must be positive (a={a}, b={b}, c={c})");
        if (!(alpha > 0 && alpha < 180 && beta > 0 && beta < 180 && gamma > 0 && gamma < 180))
            throw new HpcKitDataException($"non-physical cell: angles must lie in (0, 180) degrees (alpha={alpha}, beta={beta}, gamma={gamma})");
        A = a; B = b; C = c; Alpha = alpha; Beta = beta; Gamma = gamma;
        double ca = Math.Cos(alpha * Math.PI / 180), cb = Math.Cos(beta * Math.PI / 180), cg = Math.Cos(gamma * Math.PI / 180);
        double disc = 1 - ca * ca - cb * cb - cg * cg + 2 * ca * cb * cg;
        if (disc <= 1e-12)
            throw new HpcKitDataException($"non-physical cell: angles alpha={alpha}, beta={beta}, gamma={gamma} make no cell (V^2 <= 1e-12 (abc)^2)");
        Volume = a * b * c * Math.Sqrt(disc);
        Metric = new double[3, 3]
        {
            { a * a, a * b * cg, a * c * cb },
            { a * b * cg, b * b, b * c * ca },
            { a * c * cb, b * c * ca, c * c },
        };
        var g = Metric;
        // closed-form inverse of the symmetric 3x3 metric
        double c00 = g[1, 1] * g[2, 2] - g[1, 2] * g[2, 1];
        double c01 = g[0, 2] * g[2, 1] - g[0, 1] * g[2, 2];
        double c02 = g[0, 1] * g[1, 2] - g[0, 2] * g[1, 1];
        double c11 = g[0, 0] * g[2, 2] - g[0, 2] * g[2, 0];
        double c12 = g[0, 2] * g[1, 0] - g[0, 0] * g[1, 2];
        double c22 = g[0, 0] * g[1, 1] - g[0, 1] * g[1, 0];
        double det = g[0, 0] * c00 + g[0, 1] * (g[1, 2] * g[2, 0] - g[1, 0] * g[2, 2]) + g[0, 2] * (g[1, 0] * g[2, 1] - g[1, 1] * g[2, 0]);
        ReciprocalMetric = new double[3, 3]
        {
            { c00 / det, c01 / det, c02 / det },
            { c01 / det, c11 / det, c12 / det },
            { c02 / det, c12 / det, c22 / det },
        };
        var r = ReciprocalMetric;
        _a[0] = r[0, 0]; _a[1] = r[1, 1]; _a[2] = r[2, 2];
        _a[3] = 2 * r[0, 1]; _a[4] = 2 * r[0, 2]; _a[5] = 2 * r[1, 2];
    }

    public double A { get; }
    public double B { get; }
    public double C { get; }
    public double Alpha { get; }
    public double Beta { get; }
    public double Gamma { get; }

    /// <summary>Cell volume in Å³.</summary>
    public double Volume { get; }

    /// <summary>Direct metric tensor G (Å²).</summary>
    public double[,] Metric { get; }

    /// <summary>Reciprocal metric tensor G* = G⁻¹ (Å⁻²).</summary>
    public double[,] ReciprocalMetric { get; }

    /// <summary>GSAS-II A-terms (A1..A6) of 1/d².</summary>
    public ReadOnlySpan<double> ATerms => _a;

    /// <summary>1/d² for (h, k, l).</summary>
    public double InverseDSquared(int h, int k, int l) =>
        _a[0] * h * h + _a[1] * k * k + _a[2] * l * l + _a[3] * h * k + _a[4] * h * l + _a[5] * k * l;

    /// <summary>d-spacing in Å for (h, k, l) ≠ 0.</summary>
    public double DSpacing(int h, int k, int l) => 1.0 / Math.Sqrt(InverseDSquared(h, k, l));

    /// <summary>Cubic cell of edge a.</summary>
    public static UnitCell Cubic(double a) => new(a, a, a, 90, 90, 90);

    /// <summary>Tetragonal cell (a, a, c).</summary>
    public static UnitCell Tetragonal(double a, double c) => new(a, a, c, 90, 90, 90);

    /// <summary>Rhombohedral cell (a, a, a, α, α, α).</summary>
    public static UnitCell Rhombohedral(double a, double alpha) => new(a, a, a, alpha, alpha, alpha);

    public override string ToString() => $"a={A} b={B} c={C} alpha={Alpha} beta={Beta} gamma={Gamma}";
}
