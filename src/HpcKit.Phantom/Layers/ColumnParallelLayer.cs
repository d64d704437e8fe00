using HpcKit.Neural;
using System.Numerics;
using HpcKit.Core.Comm;
using HpcKit.Core.LinearAlgebra;
using HpcKit.Phantom.Model;

namespace HpcKit.Phantom.Layers;

/// <summary>
/// Megatron column-parallel hidden layer (spec §5b): rank r holds output rows W_r,: (m×n) and b_r; it reads the
/// replicated B×n input and produces its partitioned B×m output with no forward collective. Backward forms the
/// partial input gradient δ_r W_r,: (B×n) and sums it with one all-reduce (the conjugate of the identity forward).
/// </summary>
public sealed class ColumnParallelLayer<T> : RankLayer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly ICommunicator _comm;
    private readonly int _m, _n, _cap;
    private readonly Activation _act;
    private readonly FlopCounter? _flops;
    private readonly T[] _z, _out, _delta, _dIn;
    private T[] _input = [];

    public ColumnParallelLayer(ICommunicator comm, NetworkConfig config, int layer, int capacity, FlopCounter? flops)
    {
        ArgumentNullException.ThrowIfNull(comm);
        ArgumentNullException.ThrowIfNull(config);
        _comm = comm;
        _m = config.M;
        _n = config.Width;
        _cap = capacity;
        _act = config.Activation;
        _flops = flops;
        W = new Parameter<T>($"hidden{layer}.W", _m, _n);
        Bias = new Parameter<T>($"hidden{layer}.b", _m);
        Parameters = [W, Bias];
        InitStreams.DenseRows<T>(W.Value.Span, config.Seed, layer, InitStreams.Kind.DenseRow, _n, comm.Rank * _m, _m, 0, _n,
            InitStreams.Gain(config.Activation) / _n);
        _z = new T[capacity * _m];
        _out = new T[capacity * _m];
        _delta = new T[capacity * _m];
        _dIn = new T[capacity * _n];
    }

    public Parameter<T> W { get; }

    public Parameter<T> Bias { get; }

    public override string Name => $"ColumnParallel(n={_n}→m={_m})";

    public override int InputWidth => _n;

    public override int OutputWidth => _m;

    public override int Capacity => _cap;

    public override IReadOnlyList<Parameter<T>> Parameters { get; }

    public override T[] Forward(T[] input, int rows)
    {
        _input = input;
        var z = _z.AsSpan(0, rows * _m);
        Gemm.Run<T>(_flops, Transpose.No, Transpose.Yes, rows, _m, _n, 1, input, _n, W.Value.Span, _n, 0, z, _m);
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
        Gemm.Run<T>(_flops, Transpose.Yes, Transpose.No, _m, _n, rows, 1, delta, _m, _input, _n, 1, W.Gradient.Span, _n);
        var dIn = _dIn.AsSpan(0, rows * _n);
        Gemm.Run<T>(_flops, Transpose.No, Transpose.No, rows, _n, _m, 1, delta, _m, W.Value.Span, _n, 0, dIn, _n);
        _comm.AllReduce(dIn, ReduceOp.Sum);
        return _dIn;
    }

    public override long KeptActivationElements(int rows) => (long)rows * _n + (long)rows * _m;
}
