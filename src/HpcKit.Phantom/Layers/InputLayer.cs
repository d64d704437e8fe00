using HpcKit.Neural;
using System.Numerics;
using HpcKit.Core.Comm;
using HpcKit.Core.LinearAlgebra;
using HpcKit.Phantom.Model;

namespace HpcKit.Phantom.Layers;

/// <summary>
/// The input layer d_in → n, identical in PP and TP (spec §3.4): every rank reads the same batch x and computes its
/// m neurons z_r = x W_in,rᵀ + b_in,r, σ, with no communication. No input gradient is formed unless asked for
/// (tests only: a local product and one all-reduce, neither counted in the step's FLOPs).
/// </summary>
public sealed class InputLayer<T> : RankLayer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly ICommunicator _comm;
    private readonly int _m, _d, _cap;
    private readonly Activation _act;
    private readonly FlopCounter? _flops;
    private readonly T[] _z, _out, _delta, _dx;
    private T[] _input = [];

    public InputLayer(ICommunicator comm, NetworkConfig config, int capacity, FlopCounter? flops)
    {
        ArgumentNullException.ThrowIfNull(comm);
        ArgumentNullException.ThrowIfNull(config);
        _comm = comm;
        _m = config.M;
        _d = config.InputDim;
        _cap = capacity;
        _act = config.Activation;
        _flops = flops;
        W = new Parameter<T>("input.W", _m, _d);
        Bias = new Parameter<T>("input.b", _m);
        Parameters = [W, Bias];
        InitStreams.DenseRows<T>(W.Value.Span, config.Seed, InitStreams.InputLayer, InitStreams.Kind.InputWeight, _d, comm.Rank * _m, _m, 0, _d, 2.0 / _d);
        _z = new T[capacity * _m];
        _out = new T[capacity * _m];
        _delta = new T[capacity * _m];
        _dx = new T[capacity * _d];
    }

    public Parameter<T> W { get; }

    public Parameter<T> Bias { get; }

    /// <summary>Form ∂ℓ/∂x in Backward (default false; tests only: an uncounted GEMM and an all-reduce).</summary>
    public override bool InputGradientRequired { get; set; }

    public override string Name => $"Input(d_in={_d}→m={_m})";

    public override int InputWidth => _d;

    public override int OutputWidth => _m;

    public override int Capacity => _cap;

    public override IReadOnlyList<Parameter<T>> Parameters { get; }

    public override T[] Forward(T[] input, int rows)
    {
        _input = input;
        var z = _z.AsSpan(0, rows * _m);
        Gemm.Run<T>(_flops, Transpose.No, Transpose.Yes, rows, _m, _d, 1, input, _d, W.Value.Span, _d, 0, z, _m);
        RowOps.AddBias<T>(z, Bias.Value.Span, rows, _m);
        ActivationFunctions.Apply<T>(_act, z, _out.AsSpan(0, rows * _m));
        return _out;
    }

    public override T[]? Backward(T[] gradOutput, int rows)
    {
        var delta = _delta.AsSpan(0, rows * _m);
        gradOutput.AsSpan(0, rows * _m).CopyTo(delta);
        ActivationFunctions.Backward<T>(_act, _z.AsSpan(0, rows * _m), delta);
        RowOps.ColumnSums<T>(delta, Bias.Gradient.Span, rows, _m);
        Gemm.Run<T>(_flops, Transpose.Yes, Transpose.No, _m, _d, rows, 1, delta, _m, _input, _d, 1, W.Gradient.Span, _d);
        if (!InputGradientRequired) return null;
        var dx = _dx.AsSpan(0, rows * _d);
        Gemm.Run<T>(null, Transpose.No, Transpose.No, rows, _d, _m, 1, delta, _m, W.Value.Span, _d, 0, dx, _d);
        _comm.AllReduce(dx, ReduceOp.Sum);
        return _dx;
    }

    public override long KeptActivationElements(int rows) => (long)rows * _d + (long)rows * _m;
}
