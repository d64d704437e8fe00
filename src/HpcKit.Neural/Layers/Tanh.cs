using System.Numerics;

namespace HpcKit.Neural;

/// <summary>Tanh: y = tanh(x); dX = dY·(1 − y²).</summary>
public sealed class Tanh<T> : Activation<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <inheritdoc/>
    public override string Name => "Tanh";

    /// <inheritdoc/>
    protected override void Apply(ReadOnlySpan<T> x, Span<T> y) => System.Numerics.Tensors.TensorPrimitives.Tanh(x, y);

    /// <inheritdoc/>
    protected override void Derive(ReadOnlySpan<T> x, ReadOnlySpan<T> y, ReadOnlySpan<T> dy, Span<T> dx)
    {
        for (int i = 0; i < x.Length; i++) dx[i] = dy[i] * (T.One - y[i] * y[i]);
    }
}
