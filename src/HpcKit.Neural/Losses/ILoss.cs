using System.Numerics;

namespace HpcKit.Neural;

/// <summary>
/// A scalar loss L(prediction, target). <see cref="Forward"/> returns L (accumulated in double);
/// <see cref="Backward"/> returns ∂L/∂prediction for the last Forward in a loss-owned tensor (reused).
/// </summary>
public interface ILoss<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Short name, e.g. "MSE".</summary>
    string Name { get; }

    /// <summary>Computes the loss.</summary>
    double Forward(Tensor<T> prediction, Tensor<T> target);

    /// <summary>∂L/∂prediction of the last Forward.</summary>
    Tensor<T> Backward();
}
