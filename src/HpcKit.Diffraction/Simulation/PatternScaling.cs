using System.Numerics.Tensors;
using HpcKit.Core;

namespace HpcKit.Diffraction.Simulation;

/// <summary>Per-pattern scaling.</summary>
public static class PatternScaling
{
    /// <summary>x′ = (x − min)/(max − min) in place; a constant pattern is an error.</summary>
    public static void MinMax(Span<float> y)
    {
        float lo = TensorPrimitives.Min(y), hi = TensorPrimitives.Max(y);
        if (!(hi > lo)) throw new HpcKitDataException($"cannot min-max scale a constant pattern (min = max = {lo})");
        TensorPrimitives.Subtract(y, lo, y);
        TensorPrimitives.Divide(y, hi - lo, y); // division (not a reciprocal) keeps the maximum exactly 1
    }
}
