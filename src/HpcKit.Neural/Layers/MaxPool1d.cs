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
        _len = len;
        _outLen = outLen;
        _body ??= new Body(this);
        _body.Backward = false;
        WorkerPool.For(rows, _body, minPerThread: 64);
        return Output;
    }

    /// <inheritdoc/>
    public override Tensor<T> Backward(Tensor<T> outputGradient)
    {
        var x = SavedInput();
        RequireSameShape(outputGradient, Output, "output gradient");
        InputGradient.ResizeAs(x);
        if (!InputGradientRequired) return InputGradient;
        _dy = outputGradient;
        _body ??= new Body(this);
        _body.Backward = true;
        WorkerPool.For(x.Rows * x.Dim(1), _body, minPerThread: 64);
        return InputGradient;
    }

    private int _len, _outLen;
    private Tensor<T>? _dy;
    private Body? _body;

    private void ForwardRows(int r0, int r1)
    {
        var x = SavedInput().Span;
        int len = _len, outLen = _outLen;
        var y = Output.Span;
        for (int r = r0; r < r1; r++)
        {
            var src = x.Slice(r * len, len);
            int baseOut = r * outLen;
            int j0 = 0;
            if (typeof(T) == typeof(float) && KernelSize == 2 && Stride == 2 && MaxPoolKernels.Supported)
            {
                j0 = MaxPoolKernels.Pool2(System.Runtime.InteropServices.MemoryMarshal.Cast<T, float>(src),
                    System.Runtime.InteropServices.MemoryMarshal.Cast<T, float>(y.Slice(baseOut, outLen)),
                    _argmax.AsSpan(baseOut, outLen), outLen, r * len);
            }
            for (int j = j0; j < outLen; j++)
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
    }

    private void BackwardRows(int r0, int r1)
    {
        var dx = InputGradient.Span.Slice(r0 * _len, (r1 - r0) * _len);
        dx.Clear();
        var dxAll = InputGradient.Span;
        var dy = _dy!.Span;
        for (int i = r0 * _outLen; i < r1 * _outLen; i++) dxAll[_argmax[i]] += dy[i];
    }

    private sealed class Body(MaxPool1d<T> owner) : ParallelBody
    {
        public bool Backward { get; set; }

        public override void Run(int start, int end)
        {
            if (Backward) owner.BackwardRows(start, end);
            else owner.ForwardRows(start, end);
        }
    }
}
