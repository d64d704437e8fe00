using System.Numerics;
using HpcKit.Core.Comm;
using HpcKit.Core.LinearAlgebra;
using HpcKit.Neural;
using HpcKit.Phantom.Model;

namespace HpcKit.Phantom.Layers;

/// <summary>
/// A rank layer holding one local weight W (outputs×inputs) and bias b (outputs), optionally followed by σ:
/// the shared part of the input, head, TP and Megatron layers. It owns the parameters, the per-capacity buffers
/// and the affine steps (z = x Wᵀ, + b, σ; δ = σ'(z)·g, ∂b = Σδ, ∂W += δᵀ x, ∂x = δ W); each subclass keeps only
/// its shapes and its communication.
/// </summary>
public abstract class AffineRankLayer<T> : RankLayer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly int _inputWidth, _cap;
    private readonly Activation? _act;
    private readonly T[] _z, _out, _delta, _dIn;
    private T[] _input = [];

    /// <summary>Allocates W (outputs×inputs), b (outputs) and buffers for <paramref name="capacity"/> rows.</summary>
    /// <param name="comm">This rank's communicator.</param>
    /// <param name="weightName">Name of W.</param>
    /// <param name="biasName">Name of b.</param>
    /// <param name="outputs">Rows of W: the layer's output width.</param>
    /// <param name="inputs">Columns of W.</param>
    /// <param name="inputWidth">Elements per row the layer reads (= <paramref name="inputs"/> unless gathered).</param>
    /// <param name="capacity">Maximum rows per call.</param>
    /// <param name="activation">σ after the bias, or null for an affine output.</param>
    /// <param name="flops">Counter for the GEMMs, or null.</param>
    protected AffineRankLayer(ICommunicator comm, string weightName, string biasName, int outputs, int inputs, int inputWidth,
        int capacity, Activation? activation, FlopCounter? flops)
    {
        ArgumentNullException.ThrowIfNull(comm);
        Comm = comm;
        Outputs = outputs;
        Inputs = inputs;
        _inputWidth = inputWidth;
        _cap = capacity;
        _act = activation;
        Flops = flops;
        W = new Parameter<T>(weightName, outputs, inputs);
        Bias = new Parameter<T>(biasName, outputs);
        Parameters = [W, Bias];
        _z = new T[capacity * outputs];
        _out = activation == null ? _z : new T[capacity * outputs];
        _delta = activation == null ? [] : new T[capacity * outputs];
        _dIn = new T[capacity * inputWidth];
    }

    /// <summary>The local weight block (outputs×inputs, row-major).</summary>
    public Parameter<T> W { get; }

    /// <summary>The local bias (outputs).</summary>
    public Parameter<T> Bias { get; }

    /// <inheritdoc/>
    public override int InputWidth => _inputWidth;

    /// <inheritdoc/>
    public override int OutputWidth => Outputs;

    /// <inheritdoc/>
    public override int Capacity => _cap;

    /// <inheritdoc/>
    public override IReadOnlyList<Parameter<T>> Parameters { get; }

    /// <summary>This rank's communicator.</summary>
    protected ICommunicator Comm { get; }

    /// <summary>Rows of W.</summary>
    protected int Outputs { get; }

    /// <summary>Columns of W.</summary>
    protected int Inputs { get; }

    /// <summary>The GEMM counter, or null.</summary>
    protected FlopCounter? Flops { get; }

    /// <summary>Pre-activation buffer (capacity×outputs).</summary>
    protected T[] PreActivation => _z;

    /// <summary>The input kept by the last <see cref="Affine"/> call.</summary>
    protected T[] KeptInput => _input;

    /// <summary>Input-gradient buffer (capacity×InputWidth).</summary>
    protected T[] InputGradientBuffer => _dIn;

    /// <summary>Null-checks a constructor's config (for use in the base-constructor call).</summary>
    protected static NetworkConfig NotNull(NetworkConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return config;
    }

    /// <summary>Keeps x and forms z = x Wᵀ (rows×outputs, no bias yet); returns z.</summary>
    protected Span<T> Affine(T[] input, int rows)
    {
        _input = input;
        var z = _z.AsSpan(0, rows * Outputs);
        Gemm.Run<T>(Flops, Transpose.No, Transpose.Yes, rows, Outputs, Inputs, 1, input, Inputs, W.Value.Span, Inputs, 0, z, Outputs);
        return z;
    }

    /// <summary>z += b, then σ into the output buffer (z itself when there is no σ); returns that buffer.</summary>
    protected T[] BiasAndActivation(Span<T> z, int rows)
    {
        RowOps.AddBias<T>(z, Bias.Value.Span, rows, Outputs);
        if (_act is { } act) ActivationFunctions.Apply<T>(act, z, _out.AsSpan(0, rows * Outputs));
        return _out;
    }

    /// <summary>δ = σ'(z)·∂ℓ/∂output (∂ℓ/∂output itself when there is no σ) and ∂b += Σ δ; returns δ.</summary>
    protected Span<T> DeltaAndBiasGradient(T[] gradOutput, int rows)
    {
        int count = rows * Outputs;
        Span<T> delta;
        if (_act is { } act)
        {
            delta = _delta.AsSpan(0, count);
            gradOutput.AsSpan(0, count).CopyTo(delta);
            ActivationFunctions.Backward<T>(act, _z.AsSpan(0, count), delta);
        }
        else
        {
            delta = gradOutput.AsSpan(0, count);
        }
        RowOps.ColumnSums<T>(delta, Bias.Gradient.Span, rows, Outputs);
        return delta;
    }

    /// <summary>∂W += δᵀ x with the x kept by <see cref="Affine"/>.</summary>
    protected void WeightGradient(ReadOnlySpan<T> delta, int rows) =>
        Gemm.Run<T>(Flops, Transpose.Yes, Transpose.No, Outputs, Inputs, rows, 1, delta, Outputs, _input, Inputs, 1, W.Gradient.Span, Inputs);

    /// <summary>∂x = δ W into the input-gradient buffer (rows×inputs), counted on <paramref name="flops"/>; returns it.</summary>
    protected Span<T> InputGradient(ReadOnlySpan<T> delta, int rows, FlopCounter? flops)
    {
        var dIn = _dIn.AsSpan(0, rows * Inputs);
        Gemm.Run<T>(flops, Transpose.No, Transpose.No, rows, Inputs, Outputs, 1, delta, Outputs, W.Value.Span, Inputs, 0, dIn, Inputs);
        return dIn;
    }

    /// <summary>Forward with no collective: σ(x Wᵀ + b).</summary>
    protected T[] LocalForward(T[] input, int rows) => BiasAndActivation(Affine(input, rows), rows);

    /// <summary>Forward of a partial product: σ(AllReduce(x Wᵀ) + b) (row-parallel layer, head).</summary>
    protected T[] SummedForward(T[] input, int rows)
    {
        var z = Affine(input, rows);
        Comm.AllReduce(z, ReduceOp.Sum);
        return BiasAndActivation(z, rows);
    }

    /// <summary>Backward with no collective: ∂b, ∂W and ∂x = δ W (counted); returns the input-gradient buffer.</summary>
    protected T[] LocalBackward(T[] gradOutput, int rows)
    {
        var delta = DeltaAndBiasGradient(gradOutput, rows);
        WeightGradient(delta, rows);
        InputGradient(delta, rows, Flops);
        return _dIn;
    }

    /// <summary>Kept from forward: the rows×inputs input and, with σ, the rows×outputs pre-activation.</summary>
    public override long KeptActivationElements(int rows) => (long)rows * Inputs + (_act == null ? 0 : (long)rows * Outputs);
}
