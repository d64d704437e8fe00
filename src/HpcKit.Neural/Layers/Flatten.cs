using System.Numerics;

namespace HpcKit.Neural;

/// <summary>Flattens [N, d1, d2, …] to [N, d1·d2·…] as a view (no copy); backward reshapes dY back.</summary>
public sealed class Flatten<T> : Layer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly int[] _inShape = new int[Tensor<T>.MaxRank];
    private int _inRank;

    /// <inheritdoc/>
    public override string Name => "Flatten";

    /// <inheritdoc/>
    public override Tensor<T> Forward(Tensor<T> input)
    {
        ArgumentNullException.ThrowIfNull(input);
        LastInput = input;
        input.Shape.CopyTo(_inShape);
        _inRank = input.Rank;
        Span<int> shape = [input.Rows, input.RowLength];
        Output.ViewOf(input, shape);
        return Output;
    }

    /// <inheritdoc/>
    public override Tensor<T> Backward(Tensor<T> outputGradient)
    {
        SavedInput();
        ArgumentNullException.ThrowIfNull(outputGradient);
        InputGradient.ViewOf(outputGradient, _inShape.AsSpan(0, _inRank));
        return InputGradient;
    }
}
