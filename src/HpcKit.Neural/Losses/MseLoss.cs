using System.Numerics;

namespace HpcKit.Neural;

/// <summary>Mean squared error over all elements: L = (1/n)·Σ(p − t)²; ∂L/∂p = 2(p − t)/n (torch.nn.MSELoss).</summary>
public sealed class MseLoss<T> : ILoss<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Tensor<T> _grad = new(0);

    /// <inheritdoc/>
    public string Name => "MSE";

    /// <inheritdoc/>
    public double Forward(Tensor<T> prediction, Tensor<T> target)
    {
        LossChecks.SameLength(Name, prediction, target);
        _grad.ResizeAs(prediction);
        var g = _grad.Span;
        System.Numerics.Tensors.TensorPrimitives.Subtract(prediction.Span, target.Span, g);
        double loss = TensorMath.SumOfSquares<T>(g) / Math.Max(1, g.Length);
        System.Numerics.Tensors.TensorPrimitives.Multiply(g, T.CreateTruncating(2.0 / Math.Max(1, g.Length)), g);
        return loss;
    }

    /// <inheritdoc/>
    public Tensor<T> Backward() => _grad;
}
