using System.Numerics;
using HpcKit.Core.Random;

namespace HpcKit.Neural;

/// <summary>
/// Weight initialisers drawing from Core's seeded <see cref="RandomStream"/> (pass by ref), so a model built with
/// the same (seed, stream) has the same weights everywhere. Gains follow PyTorch's torch.nn.init.
/// </summary>
public static class Init
{
    /// <summary>U(−bound, bound).</summary>
    public static void Uniform<T>(Span<T> values, double bound, ref RandomStream rng) where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int i = 0; i < values.Length; i++) values[i] = T.CreateTruncating(rng.NextUniform(-bound, bound));
    }

    /// <summary>N(mean, std²).</summary>
    public static void Normal<T>(Span<T> values, double std, ref RandomStream rng, double mean = 0) where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int i = 0; i < values.Length; i++) values[i] = T.CreateTruncating(mean + std * rng.NextNormal());
    }

    /// <summary>Kaiming/He uniform: U(±gain·√(3/fan_in)); gain √2 for ReLU.</summary>
    public static void KaimingUniform<T>(Span<T> values, int fanIn, ref RandomStream rng, double gain = 1.4142135623730951)
        where T : unmanaged, IFloatingPointIeee754<T> => Uniform(values, gain * Math.Sqrt(3.0 / fanIn), ref rng);

    /// <summary>Kaiming/He normal: N(0, gain²/fan_in).</summary>
    public static void KaimingNormal<T>(Span<T> values, int fanIn, ref RandomStream rng, double gain = 1.4142135623730951)
        where T : unmanaged, IFloatingPointIeee754<T> => Normal(values, gain / Math.Sqrt(fanIn), ref rng);

    /// <summary>Xavier/Glorot uniform: U(±gain·√(6/(fan_in+fan_out))).</summary>
    public static void XavierUniform<T>(Span<T> values, int fanIn, int fanOut, ref RandomStream rng, double gain = 1.0)
        where T : unmanaged, IFloatingPointIeee754<T> => Uniform(values, gain * Math.Sqrt(6.0 / (fanIn + fanOut)), ref rng);

    /// <summary>Xavier/Glorot normal: N(0, gain²·2/(fan_in+fan_out)).</summary>
    public static void XavierNormal<T>(Span<T> values, int fanIn, int fanOut, ref RandomStream rng, double gain = 1.0)
        where T : unmanaged, IFloatingPointIeee754<T> => Normal(values, gain * Math.Sqrt(2.0 / (fanIn + fanOut)), ref rng);

    /// <summary>PyTorch's default for Linear/Conv1d weights and biases: U(±1/√fan_in).</summary>
    public static void PyTorchDefault<T>(Span<T> values, int fanIn, ref RandomStream rng) where T : unmanaged, IFloatingPointIeee754<T>
        => Uniform(values, 1.0 / Math.Sqrt(fanIn), ref rng);
}
