using HpcKit.Neural;
using System.Numerics;
using HpcKit.Core.Comm;
using HpcKit.Core.LinearAlgebra;
using HpcKit.Phantom.Model;

namespace HpcKit.Phantom.Layers;

/// <summary>
/// Megatron row-parallel hidden layer (spec §5b): rank r holds the input columns W_:,r (n×m); its partitioned input
/// a_r gives a partial B×n output, summed by one all-reduce; the replicated bias (n) and σ are then applied to the
/// replicated result. Backward needs no collective: ∂W_:,r = δᵀ a_r, ∂a_r = δ W_:,r (δ is replicated).
/// </summary>
public sealed class RowParallelLayer<T> : RankLayer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly ICommunicator _comm;
    private readonly int _m, _n, _cap;
    private readonly Activation _act;
    private readonly FlopCounter? _flops;
    private readonly T[] _z, _out, _delta, _dIn;
    private T[] _input = [];

    public RowParallelLayer(ICommunicator comm, NetworkConfig config, int layer, int capacity, FlopCounter? flops)
    {
        ArgumentNullException.ThrowIfNull(comm);
        ArgumentNullException.ThrowIfNull(config);
        _comm = comm;
        _m = config.M;
        _n = config.Width;
        _cap = capacity;
        _act = config.Activation;
        _flops = flops;
        W = new Parameter<T>($"hidden{layer}.W", _n, _m);
        Bias = new Parameter<T>($"hidden{layer}.b", _n);
        Parameters = [W, Bias];
        InitStreams.DenseRows<T>(W.Value.Span, config.Seed, layer, InitStreams.Kind.DenseRow, _n, 0, _n, comm.Rank * _m, _m,
            InitStreams.Gain(config.Activation) / _n);
        _z = new T[capacity * _n];
        _out = new T[capacity * _n];
        _delta = new T[capacity * _n];
        _dIn = new T[capacity * _m];
    }

    public Parameter<T> W { get; }

    public Parameter<T> Bias { get; }

    public override string Name => $"RowParallel(m={_m}→n={_n})";

    public override int InputWidth => _m;

    public override int OutputWidth => _n;

    public override int Capacity => _cap;

    public override IReadOnlyList<Parameter<T>> Parameters { get; }

    public override T[] Forward(T[] input, int rows)
    {
        _input = input;
        var z = _z.AsSpan(0, rows * _n);
        Gemm.Run<T>(_flops, Transpose.No, Transpose.Yes, rows, _n, _m, 1, input, _m, W.Value.Span, _m, 0, z, _n);
        _comm.AllReduce(z, ReduceOp.Sum);
        RowOps.AddBias<T>(z, Bias.Value.Span, rows, _n);
        ActivationFunctions.Apply<T>(_act, z, _out.AsSpan(0, rows * _n));
        return _out;
    }

    public override T[]? Backward(T[] gradOutput, int rows)
    {
        var delta = _delta.AsSpan(0, rows * _n);
        gradOutput.AsSpan(0, rows * _n).CopyTo(delta);
        ActivationFunctions.Backward<T>(_act, _z.AsSpan(0, rows * _n), delta);
        RowOps.ColumnSums<T>(delta, Bias.Gradient.Span, rows, _n);
        Gemm.Run<T>(_flops, Transpose.Yes, Transpose.No, _n, _m, rows, 1, delta, _n, _input, _m, 1, W.Gradient.Span, _m);
        Gemm.Run<T>(_flops, Transpose.No, Transpose.No, rows, _m, _n, 1, delta, _n, W.Value.Span, _m, 0, _dIn, _m);
        return _dIn;
    }

    public override long KeptActivationElements(int rows) => (long)rows * _m + (long)rows * _n;
}
