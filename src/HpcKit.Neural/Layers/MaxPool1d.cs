using System.Numerics;

namespace HpcKit.Neural;

/// <summary>
/// Max pooling over the last axis (torch.nn.MaxPool1d, no padding, floor mode): [N, C, L] → [N, C, Lout],
/// Lout = ⌊(L − K)/S⌋ + 1. Ties go to the first maximum (as PyTorch); backward routes dY to the argmax.
/// </summary>
public sealed class MaxPool1d<T> : Layer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private int[] _argmax = [];

    /// <summary>Pooling with window <paramref name="kernelSize"/> and stride (default = kernel).</summary>
    public MaxPool1d(int kernelSize, int stride = 0)
    {
        if (kernelSize < 1 || stride < 0) throw new ArgumentOutOfRangeException(nameof(kernelSize), "MaxPool1d: kernel must be ≥ 1");
        KernelSize = kernelSize;
        Stride = stride == 0 ? kernelSize : stride;
    }

    /// <summary>K.</summary>
    public int KernelSize { get; }

    /// <summary>S.</summary>
    public int Stride { get; }

    /// <inheritdoc/>
    public override string Name => $"MaxPool1d(k={KernelSize}, s={Stride})";

    /// <inheritdoc/>
    public override Tensor<T> Forward(Tensor<T> input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Rank != 3 || input.Dim(2) < KernelSize)
            throw new ArgumentException($"{Name}: input {input.ShapeText} must be [N, C, L] with L ≥ {KernelSize}");
        LastInput = input;
        int rows = input.Dim(0) * input.Dim(1), len = input.Dim(2);
        int outLen = (len - KernelSize) / Stride + 1;
        Output.Resize(input.Dim(0), input.Dim(1), outLen);
        if (_argmax.Length < Output.Length) _argmax = new int[Output.Length];
        var x = input.Span;
        var y = Output.Span;
        for (int r = 0; r < rows; r++)
        {
            var src = x.Slice(r * len, len);
            int baseOut = r * outLen;
            for (int j = 0; j < outLen; j++)
            {
                int s = j * Stride;
                int best = s;
                T m = src[s];
                for (int k = 1; k < KernelSize; k++)
                {
                    T v = src[s + k];
                    if (v > m || T.IsNaN(v))
                    {
                        m = v;
                        best = s + k;
                    }
                }
                y[baseOut + j] = m;
                _argmax[baseOut + j] = r * len + best;
            }
        }
        return Output;
    }

    /// <inheritdoc/>
    public override Tensor<T> Backward(Tensor<T> outputGradient)
    {
        var x = SavedInput();
        RequireSameShape(outputGradient, Output, "output gradient");
        InputGradient.ResizeAs(x);
        if (!InputGradientRequired) return InputGradient;
        var dx = InputGradient.Span;
        dx.Clear();
        var dy = outputGradient.Span;
        for (int i = 0; i < dy.Length; i++) dx[_argmax[i]] += dy[i];
        return InputGradient;
    }
}
