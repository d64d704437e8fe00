using System.Numerics;
using HpcKit.Neural;

namespace HpcKit.Phantom.Layers;

/// <summary>
/// One layer as seen by one rank, implementing Neural's <see cref="ILayer{T}"/> (Backward ADDS into parameter
/// gradients). Buffers are owned by the layer and sized for <see cref="Capacity"/> rows; the array overloads use
/// the first rows·width elements and are what the rank network calls (no allocation per step).
/// </summary>
public abstract class RankLayer<T> : ILayer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private Tensor<T>? _outView, _gradView;

    /// <inheritdoc/>
    public abstract string Name { get; }

    /// <inheritdoc/>
    public abstract IReadOnlyList<Parameter<T>> Parameters { get; }

    /// <inheritdoc/>
    public bool Training { get; set; } = true;

    /// <inheritdoc/>
    public virtual bool InputGradientRequired { get; set; } = true;

    /// <summary>Elements per row this rank reads.</summary>
    public abstract int InputWidth { get; }

    /// <summary>Elements per row this rank produces.</summary>
    public abstract int OutputWidth { get; }

    /// <summary>Maximum rows per call.</summary>
    public abstract int Capacity { get; }

    /// <summary>Forward on the first rows·InputWidth elements; the input array is kept until Backward.</summary>
    public abstract T[] Forward(T[] input, int rows);

    /// <summary>Backward from ∂ℓ/∂output; adds parameter gradients and returns ∂ℓ/∂input (null when not formed).</summary>
    public abstract T[]? Backward(T[] gradOutput, int rows);

    /// <summary>Elements this layer keeps from forward for backward (input, pre-activations, gathered blocks).</summary>
    public abstract long KeptActivationElements(int rows);

    /// <inheritdoc/>
    public Tensor<T> Forward(Tensor<T> input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.RowLength != InputWidth || input.Rows > Capacity || input.Rows < 1)
            throw new ArgumentException($"{Name}: input {input.ShapeText} needs 1..{Capacity} rows of {InputWidth}");
        var o = Forward(input.Storage, input.Rows);
        return _outView = View(_outView, o, input.Rows, OutputWidth);
    }

    /// <inheritdoc/>
    public Tensor<T> Backward(Tensor<T> outputGradient)
    {
        ArgumentNullException.ThrowIfNull(outputGradient);
        if (outputGradient.RowLength != OutputWidth)
            throw new ArgumentException($"{Name}: output gradient {outputGradient.ShapeText} needs rows of {OutputWidth}");
        var g = Backward(outputGradient.Storage, outputGradient.Rows);
        return g == null ? new Tensor<T>(0) : _gradView = View(_gradView, g, outputGradient.Rows, InputWidth);
    }

    private static Tensor<T> View(Tensor<T>? cached, T[] data, int rows, int width) =>
        cached != null && ReferenceEquals(cached.Storage, data) && cached.Rows == rows && cached.RowLength == width
            ? cached
            : new Tensor<T>(data, rows, width);
}
