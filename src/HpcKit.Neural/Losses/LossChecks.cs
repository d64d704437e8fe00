using System.Numerics;

namespace HpcKit.Neural;

/// <summary>Argument checks shared by the losses (one clear message).</summary>
internal static class LossChecks
{
    public static void SameLength<T>(string loss, Tensor<T> prediction, Tensor<T> target) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(prediction);
        ArgumentNullException.ThrowIfNull(target);
        if (prediction.Length != target.Length)
            throw new ArgumentException($"{loss}: prediction {prediction.ShapeText} and target {target.ShapeText} differ in size");
    }
}
