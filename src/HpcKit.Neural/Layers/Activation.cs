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
        Run(false, input.Length);
        return Output;
    }

    /// <inheritdoc/>
    public sealed override Tensor<T> Backward(Tensor<T> outputGradient)
    {
        var x = SavedInput();
        RequireSameShape(outputGradient, x, "output gradient");
        InputGradient.ResizeAs(x);
        _dy = outputGradient;
        if (InputGradientRequired) Run(true, x.Length);
        return InputGradient;
    }

    private Tensor<T>? _dy;
    private Body? _body;

    private void Run(bool backward, int length)
    {
        _body ??= new Body(this);
        _body.Backward = backward;
        // blocks of 4096 elements so every thread's range stays vector-aligned
        WorkerPool.For((length + 4095) / 4096, _body, minPerThread: 8);
    }

    private void RunBlocks(bool backward, int b0, int b1)
    {
        int n = SavedInput().Length;
        int s = b0 * 4096, e = Math.Min(n, b1 * 4096);
        if (e <= s) return;
        if (backward) Derive(SavedInput().Span[s..e], Output.Span[s..e], _dy!.Span[s..e], InputGradient.Span[s..e]);
        else Apply(SavedInput().Span[s..e], Output.Span[s..e]);
    }

    private sealed class Body(Activation<T> owner) : ParallelBody
    {
        public bool Backward { get; set; }

        public override void Run(int start, int end) => owner.RunBlocks(Backward, start, end);
    }

    /// <summary>y = f(x).</summary>
    protected abstract void Apply(ReadOnlySpan<T> x, Span<T> y);

    /// <summary>dx = dy ⊙ f′(x), given x and y = f(x).</summary>
    protected abstract void Derive(ReadOnlySpan<T> x, ReadOnlySpan<T> y, ReadOnlySpan<T> dy, Span<T> dx);
}
