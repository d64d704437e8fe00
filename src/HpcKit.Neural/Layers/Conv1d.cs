using System.Numerics;
using HpcKit.Core.LinearAlgebra;
using HpcKit.Core.Random;

namespace HpcKit.Neural;

/// <summary>
/// 1-D convolution (cross-correlation, as torch.nn.Conv1d): input [N, C, L], weight [O, C, K], bias [O], output
/// [N, O, Lout] with Lout = ⌊(L + 2P − K)/S⌋ + 1. Implemented as im2col + one GEMM over the whole batch:
/// col[C·K, N·Lout] (kept for backward), Y′[O, N·Lout] = W·col, scattered to [N, O, Lout]. Backward:
/// dW += dY′·colᵀ, dcol = Wᵀ·dY′, col2im into dX. Cost 6·N·O·C·K·Lout FLOPs per step; col holds C·K·N·Lout elements.
/// </summary>
public sealed class Conv1d<T> : Layer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Tensor<T> _col = new(0);
    private readonly Tensor<T> _work = new(0);
    private int _n, _length, _outLength;
    private Tensor<T>? _dy;
    private Kernels? _kernels;

    /// <summary>A convolution with zero weights.</summary>
    public Conv1d(int inChannels, int outChannels, int kernelSize, int stride = 1, int padding = 0, bool bias = true)
    {
        if (inChannels < 1 || outChannels < 1 || kernelSize < 1 || stride < 1 || padding < 0)
            throw new ArgumentOutOfRangeException(nameof(kernelSize), "Conv1d: channels, kernel and stride must be positive and padding ≥ 0");
        InChannels = inChannels;
        OutChannels = outChannels;
        KernelSize = kernelSize;
        Stride = stride;
        Padding = padding;
        Weight = AddParameter("weight", outChannels, inChannels, kernelSize);
        Bias = bias ? AddParameter("bias", outChannels) : null;
    }

    /// <summary>A convolution with PyTorch's default initialisation U(±1/√(C·K)), weight then bias, from <paramref name="rng"/>.</summary>
    public Conv1d(int inChannels, int outChannels, int kernelSize, ref RandomStream rng, int stride = 1, int padding = 0, bool bias = true)
        : this(inChannels, outChannels, kernelSize, stride, padding, bias)
    {
        Init.PyTorchDefault(Weight.Value.Span, inChannels * kernelSize, ref rng);
        if (Bias != null) Init.PyTorchDefault(Bias.Value.Span, inChannels * kernelSize, ref rng);
    }

    /// <summary>C.</summary>
    public int InChannels { get; }

    /// <summary>O.</summary>
    public int OutChannels { get; }

    /// <summary>K.</summary>
    public int KernelSize { get; }

    /// <summary>S.</summary>
    public int Stride { get; }

    /// <summary>P (zeros on both ends).</summary>
    public int Padding { get; }

    /// <summary>Weight [O, C, K].</summary>
    public Parameter<T> Weight { get; }

    /// <summary>Bias [O] or null.</summary>
    public Parameter<T>? Bias { get; }

    /// <summary>Algorithm requested (default <see cref="Conv1dAlgorithm.Auto"/>).</summary>
    public Conv1dAlgorithm Algorithm { get; set; }

    /// <summary>Whether the direct kernel runs for the current settings.</summary>
    public bool UsesDirect => Algorithm switch
    {
        Conv1dAlgorithm.Direct => Stride == 1 ? true : throw new InvalidOperationException($"{Name}: the direct kernel needs stride 1"),
        Conv1dAlgorithm.Im2colGemm => false,
        _ => Stride == 1 && InChannels * KernelSize <= 16,
    };

    /// <inheritdoc/>
    public override string Name => $"Conv1d({InChannels}→{OutChannels}, k={KernelSize}, s={Stride}, p={Padding})";

    /// <summary>Output length for input length <paramref name="length"/>.</summary>
    public int OutputLength(int length) => (length + 2 * Padding - KernelSize) / Stride + 1;

    /// <inheritdoc/>
    public override Tensor<T> Forward(Tensor<T> input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Rank != 3 || input.Dim(1) != InChannels)
            throw new ArgumentException($"{Name}: input {input.ShapeText} must be [N, {InChannels}, L]");
        _n = input.Dim(0);
        _length = input.Dim(2);
        if (_length + 2 * Padding < KernelSize)
            throw new ArgumentException($"{Name}: input length {_length} is shorter than the kernel");
        _outLength = OutputLength(_length);
        LastInput = input;
        Output.Resize(_n, OutChannels, _outLength);
        if (UsesDirect)
        {
            Parallel(Op.DirectForward, _n);
            TensorMath.CountFlops(2L * _n * OutChannels * InChannels * KernelSize * _outLength);
            return Output;
        }
        int ck = InChannels * KernelSize, cols = _n * _outLength;
        _col.Resize(ck, cols);
        Parallel(Op.Im2Col, _n);
        _work.Resize(OutChannels, cols);
        TensorMath.Gemm(Transpose.No, Transpose.No, OutChannels, cols, ck, T.One, Weight.Value.Span, ck, _col.Span, cols,
            T.Zero, _work.Span, cols);
        Parallel(Op.Scatter, OutChannels);
        return Output;
    }

    /// <inheritdoc/>
    public override Tensor<T> Backward(Tensor<T> outputGradient)
    {
        var x = SavedInput();
        ArgumentNullException.ThrowIfNull(outputGradient);
        if (outputGradient.Length != _n * OutChannels * _outLength)
            throw new ArgumentException($"{Name}: output gradient {outputGradient.ShapeText} does not match output {Output.ShapeText}");
        _dy = outputGradient;
        long flops = 2L * _n * OutChannels * InChannels * KernelSize * _outLength;
        if (UsesDirect)
        {
            Parallel(Op.DirectWeights, OutChannels);
            TensorMath.CountFlops(flops);
            if (!InputGradientRequired) return InputGradient;
            InputGradient.ResizeAs(x);
            Parallel(Op.DirectInput, _n);
            TensorMath.CountFlops(flops);
            return InputGradient;
        }
        int ck = InChannels * KernelSize, cols = _n * _outLength;
        Parallel(Op.Gather, OutChannels);
        TensorMath.Gemm(Transpose.No, Transpose.Yes, OutChannels, ck, cols, T.One, _work.Span, cols, _col.Span, cols,
            T.One, Weight.Gradient.Span, ck);
        if (!InputGradientRequired) return InputGradient;
        // dcol overwrites col (no longer needed after dW).
        TensorMath.Gemm(Transpose.Yes, Transpose.No, ck, cols, OutChannels, T.One, Weight.Value.Span, ck, _work.Span, cols,
            T.Zero, _col.Span, cols);
        InputGradient.ResizeAs(x);
        Parallel(Op.Col2Im, InChannels);
        return InputGradient;
    }

    private enum Op
    {
        DirectForward,
        DirectWeights,
        DirectInput,
        Im2Col,
        Scatter,
        Gather,
        Col2Im,
    }

    private void Parallel(Op op, int count)
    {
        _kernels ??= new Kernels(this);
        _kernels.Operation = op;
        WorkerPool.For(count, _kernels);
    }

    private void RunRange(Op op, int start, int end)
    {
        int c = InChannels, o = OutChannels, k = KernelSize, len = _length, lout = _outLength;
        switch (op)
        {
            case Op.DirectForward:
                DirectConv1d.Forward<T>(SavedInput().Span.Slice(start * c * len, (end - start) * c * len), Weight.Value.Span,
                    Bias != null ? Bias.Value.Span : default, Output.Span.Slice(start * o * lout, (end - start) * o * lout),
                    end - start, c, o, k, Padding, len, lout);
                break;
            case Op.DirectWeights:
                DirectConv1d.BackwardWeights<T>(SavedInput().Span, _dy!.Span, Weight.Gradient.Span, Bias != null ? Bias.Gradient.Span : default,
                    _n, c, o, k, Padding, len, lout, start, end);
                break;
            case Op.DirectInput:
                DirectConv1d.BackwardInput<T>(Weight.Value.Span, _dy!.Span.Slice(start * o * lout, (end - start) * o * lout),
                    InputGradient.Span.Slice(start * c * len, (end - start) * c * len), end - start, c, o, k, Padding, len, lout);
                break;
            case Op.Im2Col:
                Im2Col(SavedInput().Span, _col.Span, start, end);
                break;
            case Op.Scatter:
                Scatter(start, end);
                break;
            case Op.Gather:
                Gather(start, end);
                break;
            default:
                Col2Im(_col.Span, InputGradient.Span, start, end);
                break;
        }
    }

    private void Scatter(int o0, int o1)
    {
        int cols = _n * _outLength;
        var y = Output.Span;
        var w = _work.Span;
        for (int o = o0; o < o1; o++)
        {
            T b = Bias != null ? Bias.Value[o] : T.Zero;
            for (int n = 0; n < _n; n++)
            {
                var src = w.Slice(o * cols + n * _outLength, _outLength);
                var dst = y.Slice((n * OutChannels + o) * _outLength, _outLength);
                if (Bias != null) System.Numerics.Tensors.TensorPrimitives.Add(src, b, dst);
                else src.CopyTo(dst);
            }
        }
    }

    private void Gather(int o0, int o1)
    {
        int cols = _n * _outLength;
        var dy = _dy!.Span;
        var w = _work.Span;
        for (int o = o0; o < o1; o++)
        {
            T sum = T.Zero;
            for (int n = 0; n < _n; n++)
            {
                var src = dy.Slice((n * OutChannels + o) * _outLength, _outLength);
                src.CopyTo(w.Slice(o * cols + n * _outLength, _outLength));
                if (Bias != null) sum += System.Numerics.Tensors.TensorPrimitives.Sum<T>(src);
            }
            if (Bias != null) Bias.Gradient[o] += sum;
        }
    }

    private void Im2Col(ReadOnlySpan<T> x, Span<T> col, int n0, int n1)
    {
        int cols = _n * _outLength;
        for (int c = 0; c < InChannels; c++)
        {
            for (int k = 0; k < KernelSize; k++)
            {
                var row = col.Slice((c * KernelSize + k) * cols, cols);
                // output j reads x[j·S + k − P]; valid for jLo ≤ j < jHi.
                int jLo = Math.Max(0, CeilDiv(Padding - k, Stride));
                int jHi = Math.Min(_outLength, CeilDiv(_length + Padding - k, Stride));
                for (int n = n0; n < n1; n++)
                {
                    var dst = row.Slice(n * _outLength, _outLength);
                    var src = x.Slice((n * InChannels + c) * _length, _length);
                    if (jLo > 0) dst[..jLo].Clear();
                    if (jHi < _outLength) dst[Math.Max(jHi, jLo)..].Clear();
                    int start = jLo * Stride + k - Padding;
                    if (Stride == 1)
                    {
                        if (jHi > jLo) src.Slice(start, jHi - jLo).CopyTo(dst[jLo..jHi]);
                    }
                    else if (Stride == 2 && typeof(T) == typeof(float) && StrideTwoKernels.Supported)
                    {
                        if (jHi > jLo)
                        {
                            StrideTwoKernels.Gather(System.Runtime.InteropServices.MemoryMarshal.Cast<T, float>(src[start..]),
                                System.Runtime.InteropServices.MemoryMarshal.Cast<T, float>(dst[jLo..jHi]));
                        }
                    }
                    else
                    {
                        for (int j = jLo, i = start; j < jHi; j++, i += Stride) dst[j] = src[i];
                    }
                }
            }
        }
    }

    private void Col2Im(ReadOnlySpan<T> col, Span<T> dx, int c0, int c1)
    {
        int cols = _n * _outLength;
        for (int c = c0; c < c1; c++)
        {
            for (int n = 0; n < _n; n++) dx.Slice((n * InChannels + c) * _length, _length).Clear();
            for (int k = 0; k < KernelSize; k++)
            {
                var row = col.Slice((c * KernelSize + k) * cols, cols);
                int jLo = Math.Max(0, CeilDiv(Padding - k, Stride));
                int jHi = Math.Min(_outLength, CeilDiv(_length + Padding - k, Stride));
                if (jHi <= jLo) continue;
                int start = jLo * Stride + k - Padding;
                for (int n = 0; n < _n; n++)
                {
                    var src = row.Slice(n * _outLength, _outLength);
                    var dst = dx.Slice((n * InChannels + c) * _length, _length);
                    if (Stride == 1)
                    {
                        var d = dst.Slice(start, jHi - jLo);
                        System.Numerics.Tensors.TensorPrimitives.Add(d, src[jLo..jHi], d);
                    }
                    else if (Stride == 2 && typeof(T) == typeof(float) && StrideTwoKernels.Supported)
                    {
                        StrideTwoKernels.ScatterAdd(System.Runtime.InteropServices.MemoryMarshal.Cast<T, float>(src[jLo..jHi]),
                            System.Runtime.InteropServices.MemoryMarshal.Cast<T, float>(dst[start..]));
                    }
                    else
                    {
                        for (int j = jLo, i = start; j < jHi; j++, i += Stride) dst[i] += src[j];
                    }
                }
            }
        }
    }

    private sealed class Kernels(Conv1d<T> owner) : ParallelBody
    {
        public Op Operation { get; set; }

        public override void Run(int start, int end) => owner.RunRange(Operation, start, end);
    }

    private static int CeilDiv(int a, int b) => a <= 0 ? -((-a) / b) : (a + b - 1) / b;
}
