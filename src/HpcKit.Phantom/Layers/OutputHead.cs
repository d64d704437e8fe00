using HpcKit.Neural;
using System.Numerics;
using HpcKit.Core.Comm;
using HpcKit.Core.LinearAlgebra;
using HpcKit.Phantom.Model;

namespace HpcKit.Phantom.Layers;

/// <summary>
/// The head n → d_out, identical in PP and TP (spec §3.4): rank r forms partial logits o_r = a_r W_out,rᵀ; one sum
/// all-reduce of B×d_out gives o, then the replicated b_out is added. Backward needs no collective, because
/// ∂ℓ/∂o is the same on every rank: ∂W_out,r = ∂oᵀ a_r, ∂b_out = Σ ∂o, ∂a_r = ∂o W_out,r (6B·m·d_out FLOPs in all).
/// </summary>
public sealed class OutputHead<T> : RankLayer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly ICommunicator _comm;
    private readonly int _m, _d, _cap;
    private readonly FlopCounter? _flops;
    private readonly T[] _o, _dIn;
    private T[] _input = [];

    public OutputHead(ICommunicator comm, NetworkConfig config, int capacity, FlopCounter? flops)
    {
        ArgumentNullException.ThrowIfNull(comm);
        ArgumentNullException.ThrowIfNull(config);
        _comm = comm;
        _m = config.M;
        _d = config.OutputDim;
        _cap = capacity;
        _flops = flops;
        W = new Parameter<T>("head.W", _d, _m);
        Bias = new Parameter<T>("head.b", _d);
        Parameters = [W, Bias];
        InitStreams.DenseRows<T>(W.Value.Span, config.Seed, config.Layers + 1, InitStreams.Kind.HeadRow, config.Width, 0, _d, comm.Rank * _m, _m,
            1.0 / config.Width);
        _o = new T[capacity * _d];
        _dIn = new T[capacity * _m];
    }

    public Parameter<T> W { get; }

    public Parameter<T> Bias { get; }

    public override string Name => $"Head(m={_m}→d_out={_d})";

    public override int InputWidth => _m;

    public override int OutputWidth => _d;

    public override int Capacity => _cap;

    public override IReadOnlyList<Parameter<T>> Parameters { get; }

    public override T[] Forward(T[] input, int rows)
    {
        _input = input;
        var o = _o.AsSpan(0, rows * _d);
        Gemm.Run<T>(_flops, Transpose.No, Transpose.Yes, rows, _d, _m, 1, input, _m, W.Value.Span, _m, 0, o, _d);
        _comm.AllReduce(o, ReduceOp.Sum);
        RowOps.AddBias<T>(o, Bias.Value.Span, rows, _d);
        return _o;
    }

    public override T[]? Backward(T[] gradOutput, int rows)
    {
        RowOps.ColumnSums<T>(gradOutput.AsSpan(0, rows * _d), Bias.Gradient.Span, rows, _d);
        Gemm.Run<T>(_flops, Transpose.Yes, Transpose.No, _d, _m, rows, 1, gradOutput, _d, _input, _m, 1, W.Gradient.Span, _m);
        Gemm.Run<T>(_flops, Transpose.No, Transpose.No, rows, _m, _d, 1, gradOutput, _d, W.Value.Span, _m, 0, _dIn, _m);
        return _dIn;
    }

    public override long KeptActivationElements(int rows) => (long)rows * _m;
}
