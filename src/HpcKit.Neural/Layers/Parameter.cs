using System.Numerics;

namespace HpcKit.Neural;

/// <summary>
/// A trainable tensor and its gradient (same shape). <see cref="ILayer{T}.Backward"/> ADDS into
/// <see cref="Gradient"/> (as PyTorch does); optimizers or <see cref="ZeroGradient"/> clear it.
/// <see cref="Name"/> is the PyTorch-style path ("0.weight") once the layer sits in a <see cref="Sequential{T}"/>.
/// </summary>
public sealed class Parameter<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>A parameter of the given shape, zero-initialised.</summary>
    public Parameter(string name, params int[] shape)
    {
        Name = name;
        Value = new Tensor<T>(shape);
        Gradient = new Tensor<T>(shape);
    }

    /// <summary>Dotted path, e.g. "3.bias".</summary>
    public string Name { get; set; }

    /// <summary>The values.</summary>
    public Tensor<T> Value { get; }

    /// <summary>The accumulated gradient.</summary>
    public Tensor<T> Gradient { get; }

    /// <summary>Whether optimizers update it (default true).</summary>
    public bool Trainable { get; set; } = true;

    /// <summary>Number of elements.</summary>
    public int Length => Value.Length;

    /// <summary>Sets the gradient to zero.</summary>
    public void ZeroGradient() => Gradient.Clear();

    /// <inheritdoc/>
    public override string ToString() => $"{Name}{Value.ShapeText}";
}
