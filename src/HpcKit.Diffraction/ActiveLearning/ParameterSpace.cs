using HpcKit.Core.Random;

namespace HpcKit.Diffraction.ActiveLearning;

/// <summary>
/// The boxes and exclusion zones of the three prototype sweeps (spec §3): cubic a 2.5–5.5 Å; trigonal
/// a 3.5–4.5 Å, α 30–119.5° excluding |α − 90| ≤ 0.2°; tetragonal a 3.5–4.5 Å, c 3.5005–4.4995 Å excluding
/// |a − c| ≤ 0.001 Å. Uniform random sets redraw excluded points (our choice; the published scripts drop them).
/// </summary>
public static class ParameterSpace
{
    public const double CubicAMin = 2.5, CubicAMax = 5.5;
    public const double AMin = 3.5, AMax = 4.5;
    public const double AlphaMin = 30.0, AlphaMax = 119.5, AlphaExclusion = 0.2;
    public const double CMin = 3.5005, CMax = 4.4995, ACExclusion = 0.001;

    /// <summary>All three classes in the scoring order of the study grid: cubic, trigonal, tetragonal.</summary>
    public static readonly CrystalClass[] GridOrder = [CrystalClass.Cubic, CrystalClass.Trigonal, CrystalClass.Tetragonal];

    /// <summary>True when the point lies in its class box (bounds inclusive) and outside the exclusion zone.</summary>
    public static bool IsValid(in CellPoint p) => p.Class switch
    {
        CrystalClass.Cubic => p.A >= CubicAMin && p.A <= CubicAMax,
        CrystalClass.Trigonal => p.A >= AMin && p.A <= AMax && p.Alpha >= AlphaMin && p.Alpha <= AlphaMax
                                 && Math.Abs(p.Alpha - 90.0) > AlphaExclusion,
        CrystalClass.Tetragonal => p.A >= AMin && p.A <= AMax && p.C >= CMin && p.C <= CMax
                                   && Math.Abs(p.A - p.C) > ACExclusion,
        _ => false,
    };

    /// <summary>A uniform draw in the class box, redrawn while it falls in the exclusion zone.</summary>
    public static CellPoint SampleUniform(CrystalClass cls, ref RandomStream rng)
    {
        while (true)
        {
            CellPoint p = cls switch
            {
                CrystalClass.Cubic => CellPoint.Cubic(rng.NextUniform(CubicAMin, CubicAMax)),
                CrystalClass.Trigonal => CellPoint.Trigonal(rng.NextUniform(AMin, AMax), rng.NextUniform(AlphaMin, AlphaMax)),
                _ => CellPoint.Tetragonal(rng.NextUniform(AMin, AMax), rng.NextUniform(CMin, CMax)),
            };
            if (IsValid(p)) return p;
        }
    }

    /// <summary>
    /// A uniform random set: <paramref name="perClass"/> points of each class, in the order trigonal,
    /// tetragonal, cubic (label order), drawn from stream (seed, streamId).
    /// </summary>
    public static CellPoint[] UniformSet(int perClass, ulong seed, ulong streamId)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(perClass);
        var rng = new RandomStream(seed, streamId);
        var points = new CellPoint[3 * perClass];
        int k = 0;
        for (int c = 0; c < 3; c++)
            for (int i = 0; i < perClass; i++) points[k++] = SampleUniform((CrystalClass)c, ref rng);
        return points;
    }
}
