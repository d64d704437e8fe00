using System.Numerics;

namespace HpcKit.Neural;

/// <summary>
/// Base for elementwise activations y = f(x): output keeps the input's shape; backward computes dX = dY ⊙ f′(x)
/// from the saved input (and output).
/// </summary>
public abstract class Activation<T> : Layer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <inheritdoc/>
    public sealed override Tensor<T> Forward(Tensor<T> input)
    {
        ArgumentNullException.ThrowIfNull(input);
        LastInput = input;
        Output.ResizeAs(input);
        Apply(input.Span, Output.Span);
        return Output;
    }

    /// <inheritdoc/>
    public sealed override Tensor<T> Backward(Tensor<T> outputGradient)
    {
        var x = SavedInput();
        RequireSameShape(outputGradient, x, "output gradient");
        InputGradient.ResizeAs(x);
        if (InputGradientRequired) Derive(x.Span, Output.Span, outputGradient.Span, InputGradient.Span);
        return InputGradient;
    }

    /// <summary>y = f(x).</summary>
    protected abstract void Apply(ReadOnlySpan<T> x, Span<T> y);

    /// <summary>dx = dy ⊙ f′(x), given x and y = f(x).</summary>
    protected abstract void Derive(ReadOnlySpan<T> x, ReadOnlySpan<T> y, ReadOnlySpan<T> dy, Span<T> dx);
}
