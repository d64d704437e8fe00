using HpcKit.Core.Random;

namespace HpcKit.Diffraction.ActiveLearning;

/// <summary>
/// Enrichment of AL samples over uniform sampling in the regions of spec §8: |α − 90| &lt; 5° (trigonal confused
/// with cubic), |a − c| &lt; 0.05 Å (tetragonal confused with cubic) and the outer 5% of each range. The uniform
/// share is estimated from 200 000 seeded uniform draws of the class.
/// </summary>
public sealed record Enrichment(string Region, CrystalClass Class, int Samples, int InRegion, double Share, double UniformShare, double Factor)
{
    private static readonly (string Name, CrystalClass Class, Func<CellPoint, bool> In)[] Regions =
    [
        ("|alpha-90|<5", CrystalClass.Trigonal, p => Math.Abs(p.Alpha - 90) < 5),
        ("|a-c|<0.05", CrystalClass.Tetragonal, p => Math.Abs(p.A - p.C) < 0.05),
        ("outer 5% (cubic a)", CrystalClass.Cubic, p => Outer(p.A, ParameterSpace.CubicAMin, ParameterSpace.CubicAMax)),
        ("outer 5% (trigonal a or alpha)", CrystalClass.Trigonal, p => Outer(p.A, ParameterSpace.AMin, ParameterSpace.AMax) || Outer(p.Alpha, ParameterSpace.AlphaMin, ParameterSpace.AlphaMax)),
        ("outer 5% (tetragonal a or c)", CrystalClass.Tetragonal, p => Outer(p.A, ParameterSpace.AMin, ParameterSpace.AMax) || Outer(p.C, ParameterSpace.CMin, ParameterSpace.CMax)),
    ];

    private static bool Outer(double x, double lo, double hi) => x < lo + 0.05 * (hi - lo) || x > hi - 0.05 * (hi - lo);

    /// <summary>One row per region.</summary>
    public static List<Enrichment> Of(IEnumerable<CellPoint> samples)
    {
        var all = samples.ToArray();
        var rows = new List<Enrichment>();
        foreach (var (name, cls, inRegion) in Regions)
        {
            var mine = all.Where(p => p.Class == cls).ToArray();
            int hit = mine.Count(inRegion);
            var rng = new RandomStream(12345, (ulong)cls);
            int u = 0;
            const int draws = 200_000;
            for (int i = 0; i < draws; i++) if (inRegion(ParameterSpace.SampleUniform(cls, ref rng))) u++;
            double share = mine.Length > 0 ? (double)hit / mine.Length : double.NaN, us = (double)u / draws;
            rows.Add(new Enrichment(name, cls, mine.Length, hit, share, us, share / us));
        }
        return rows;
    }
}
