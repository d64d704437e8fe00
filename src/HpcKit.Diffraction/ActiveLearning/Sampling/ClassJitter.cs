using HpcKit.Core.Random;

namespace HpcKit.Diffraction.ActiveLearning;

/// <summary>
/// Class-specific Gaussian jitter around allocated grid nodes (spec §5): cubic σ_a = 1e-4 Å; trigonal
/// (σ_a, σ_α) = (0.002 Å, 0.3°); tetragonal (σ_a, σ_c) = (0.002 Å, 0.002 Å). Draws outside the box or inside
/// an exclusion zone are dropped without a redraw and counted.
/// </summary>
public sealed record ClassJitter(double CubicSigmaA, double TrigonalSigmaA, double TrigonalSigmaAlpha, double TetragonalSigmaA, double TetragonalSigmaC)
{
    /// <summary>The published standard deviations.</summary>
    public static ClassJitter Published { get; } = new(1e-4, 0.002, 0.3, 0.002, 0.002);

    /// <summary>One jittered draw around <paramref name="node"/>, keeping its class (may be invalid).</summary>
    public CellPoint Draw(in CellPoint node, ref RandomStream rng) => node.Class switch
    {
        CrystalClass.Cubic => CellPoint.Cubic(rng.NextNormal(node.A, CubicSigmaA)),
        CrystalClass.Trigonal => CellPoint.Trigonal(rng.NextNormal(node.A, TrigonalSigmaA), rng.NextNormal(node.Alpha, TrigonalSigmaAlpha)),
        _ => CellPoint.Tetragonal(rng.NextNormal(node.A, TetragonalSigmaA), rng.NextNormal(node.C, TetragonalSigmaC)),
    };

    /// <summary>
    /// For every node i with counts[i] &gt; 0, appends the accepted ones of counts[i] draws to
    /// <paramref name="accepted"/> (node order, then draw order) and returns the number rejected.
    /// </summary>
    public int Apply(IReadOnlyList<CellPoint> nodes, ReadOnlySpan<int> counts, ref RandomStream rng, List<CellPoint> accepted)
    {
        if (counts.Length != nodes.Count) throw new ArgumentException("counts must match nodes in length", nameof(counts));
        int rejected = 0;
        for (int i = 0; i < counts.Length; i++)
        {
            var node = nodes[i];
            for (int k = 0; k < counts[i]; k++)
            {
                var p = Draw(node, ref rng);
                if (ParameterSpace.IsValid(p)) accepted.Add(p); else rejected++;
            }
        }
        return rejected;
    }
}
