using System.Numerics;
using HpcKit.Core.LinearAlgebra;
using HpcKit.Core.Random;

namespace HpcKit.Neural;

/// <summary>
/// Fully connected layer y = x·Wᵀ + b with W stored [out, in] as in PyTorch. Input [N, in] (or any shape whose
/// last dimension is in: leading dimensions are flattened into rows). Forward is one GEMM; backward two
/// (dW += dYᵀ·X, dX = dY·W) plus a column sum for db. Cost 6·N·in·out FLOPs per step.
/// </summary>
public sealed class Linear<T> : Layer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>A layer with zero weights (load or initialise them yourself).</summary>
    public Linear(int inFeatures, int outFeatures, bool bias = true)
    {
        if (inFeatures < 1 || outFeatures < 1) throw new ArgumentOutOfRangeException(nameof(inFeatures), "Linear sizes must be positive");
        InFeatures = inFeatures;
        OutFeatures = outFeatures;
        Weight = AddParameter("weight", outFeatures, inFeatures);
        Bias = bias ? AddParameter("bias", outFeatures) : null;
    }

    /// <summary>A layer with PyTorch's default initialisation, U(±1/√in) for weight then bias, drawn from <paramref name="rng"/>.</summary>
    public Linear(int inFeatures, int outFeatures, ref RandomStream rng, bool bias = true)
        : this(inFeatures, outFeatures, bias)
    {
        Init.PyTorchDefault(Weight.Value.Span, inFeatures, ref rng);
        if (Bias != null) Init.PyTorchDefault(Bias.Value.Span, inFeatures, ref rng);
    }

    /// <summary>Input features.</summary>
    public int InFeatures { get; }

    /// <summary>Output features.</summary>
    public int OutFeatures { get; }

    /// <summary>Weight [out, in].</summary>
    public Parameter<T> Weight { get; }

    /// <summary>Bias [out], or null.</summary>
    public Parameter<T>? Bias { get; }

    /// <inheritdoc/>
    public override string Name => $"Linear({InFeatures}→{OutFeatures})";

    /// <inheritdoc/>
    public override Tensor<T> Forward(Tensor<T> input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Dim(-1) != InFeatures)
            throw new ArgumentException($"{Name}: input {input.ShapeText} has last dimension {input.Dim(-1)}, expected {InFeatures}");
        int n = input.Length / InFeatures;
        LastInput = input;
        Output.Resize(n, OutFeatures);
        TensorMath.Gemm(Transpose.No, Transpose.Yes, n, OutFeatures, InFeatures, T.One, input.Span, InFeatures,
            Weight.Value.Span, InFeatures, T.Zero, Output.Span, OutFeatures);
        if (Bias != null) TensorMath.AddRowVector(Output.Span, n, Bias.Value.Span);
        return Output;
    }

    /// <inheritdoc/>
    public override Tensor<T> Backward(Tensor<T> outputGradient)
    {
        ArgumentNullException.ThrowIfNull(outputGradient);
        var x = SavedInput();
        int n = x.Length / InFeatures;
        if (outputGradient.Length != n * OutFeatures)
            throw new ArgumentException($"{Name}: output gradient {outputGradient.ShapeText} does not match output [{n}, {OutFeatures}]");
        TensorMath.Gemm(Transpose.Yes, Transpose.No, OutFeatures, InFeatures, n, T.One, outputGradient.Span, OutFeatures,
            x.Span, InFeatures, T.One, Weight.Gradient.Span, InFeatures);
        if (Bias != null) TensorMath.AccumulateColumnSums<T>(outputGradient.Span, n, Bias.Gradient.Span);
        if (!InputGradientRequired) return InputGradient;
        InputGradient.Resize(x.Shape);
        TensorMath.Gemm(Transpose.No, Transpose.No, n, InFeatures, OutFeatures, T.One, outputGradient.Span, OutFeatures,
            Weight.Value.Span, InFeatures, T.Zero, InputGradient.Span, InFeatures);
        return InputGradient;
    }
}
