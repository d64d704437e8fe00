using HpcKit.Core.Random;
using HpcKit.Diffraction.Crystal;

namespace HpcKit.Diffraction.Simulation;

/// <summary>
/// A class's parameter box and exclusion zone (spec §3): cubic a ∈ [2.5, 5.5]; trigonal a ∈ [3.5, 4.5],
/// α ∈ [30, 119.5] excluding |α − 90| ≤ 0.2; tetragonal a ∈ [3.5, 4.5], c ∈ [3.5005, 4.4995] excluding |a − c| ≤ 0.001.
/// </summary>
public sealed record ParameterBox(PrototypeClass Class, double AMin, double AMax, double CMin, double CMax, double AlphaMin, double AlphaMax)
{
    public static ParameterBox Cubic { get; } = new(PrototypeClass.Cubic, 2.5, 5.5, 2.5, 5.5, 90, 90);
    public static ParameterBox Trigonal { get; } = new(PrototypeClass.Trigonal, 3.5, 4.5, 3.5, 4.5, 30, 119.5);
    public static ParameterBox Tetragonal { get; } = new(PrototypeClass.Tetragonal, 3.5, 4.5, 3.5005, 4.4995, 90, 90);

    public static ParameterBox For(PrototypeClass cls) => cls switch
    {
        PrototypeClass.Cubic => Cubic,
        PrototypeClass.Tetragonal => Tetragonal,
        _ => Trigonal,
    };

    /// <summary>Inside the box and outside the exclusion zone.</summary>
    public bool Contains(CellParameters p)
    {
        if (p.A < AMin || p.A > AMax) return false;
        return Class switch
        {
            PrototypeClass.Cubic => true,
            PrototypeClass.Tetragonal => p.C >= CMin && p.C <= CMax && Math.Abs(p.A - p.C) > 0.001,
            _ => p.AlphaDeg >= AlphaMin && p.AlphaDeg <= AlphaMax && Math.Abs(p.AlphaDeg - 90) > 0.2,
        };
    }

    /// <summary>A uniform draw in the box; excluded points are redrawn (our choice; the published scripts dropped them).</summary>
    public CellParameters Sample(ref RandomStream rng)
    {
        while (true)
        {
            double a = rng.NextUniform(AMin, AMax);
            var p = Class switch
            {
                PrototypeClass.Cubic => new CellParameters(a, a, 90),
                PrototypeClass.Tetragonal => new CellParameters(a, rng.NextUniform(CMin, CMax), 90),
                _ => new CellParameters(a, a, rng.NextUniform(AlphaMin, AlphaMax)),
            };
            if (Contains(p)) return p;
        }
    }
}
