using HpcKit.Neural;
using System.Numerics;
using HpcKit.Core.Comm;
using HpcKit.Core.LinearAlgebra;
using HpcKit.Phantom.Model;

namespace HpcKit.Phantom.Layers;

/// <summary>
/// A hidden TP layer with the 1-D output-neuron partition (spec §5a): rank r holds rows W_r,: (m×n) and b_r.
/// Forward: A = AllGather(a) (p blocks B×m); z_r = Σ_s a_s W_r,sᵀ + b_r; a' = σ(z_r) — 2B·n·m FLOPs.
/// Backward: ∂W_r,s = δᵀ a_s; ∂b = Σδ; P_s = δ W_r,s; ∂a_r = ReduceScatter(P)_r — 4B·n·m FLOPs.
/// This is PP with identity compression and k = m, sharing <see cref="PhantomExchange{T}"/>.
/// </summary>
public sealed class TensorParallelLayer<T> : RankLayer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly int _p, _m, _n, _cap;
    private readonly Activation _act;
    private readonly FlopCounter? _flops;
    private readonly PhantomExchange<T> _exchange;
    private readonly T[] _all, _z, _out, _delta, _partials, _dIn;

    /// <summary>Rank comm.Rank's rows of hidden layer <paramref name="layer"/>, drawn from the dense per-row streams.</summary>
    public TensorParallelLayer(ICommunicator comm, NetworkConfig config, int layer, int capacity, FlopCounter? flops)
    {
        ArgumentNullException.ThrowIfNull(comm);
        ArgumentNullException.ThrowIfNull(config);
        _p = comm.Size;
        _m = config.M;
        _n = config.Width;
        _cap = capacity;
        _act = config.Activation;
        _flops = flops;
        _exchange = new PhantomExchange<T>(comm, config.EmulateNoReduceScatter);
        W = new Parameter<T>($"hidden{layer}.W", _m, _n);
        Bias = new Parameter<T>($"hidden{layer}.b", _m);
        Parameters = [W, Bias];
        InitStreams.DenseRows<T>(W.Value.Span, config.Seed, layer, InitStreams.Kind.DenseRow, _n, comm.Rank * _m, _m, 0, _n,
            InitStreams.Gain(config.Activation) / _n);
        _all = new T[capacity * _n];
        _z = new T[capacity * _m];
        _out = new T[capacity * _m];
        _delta = new T[capacity * _m];
        _partials = new T[capacity * _n];
        _dIn = new T[capacity * _m];
    }

    public Parameter<T> W { get; }

    public Parameter<T> Bias { get; }

    public override string Name => $"TensorParallel(n={_n}→m={_m})";

    public override int InputWidth => _m;

    public override int OutputWidth => _m;

    public override int Capacity => _cap;

    public override IReadOnlyList<Parameter<T>> Parameters { get; }

    public override T[] Forward(T[] input, int rows)
    {
        int m = _m, n = _n, bm = rows * m;
        _exchange.Forward(input.AsSpan(0, bm), _all.AsSpan(0, _p * bm));
        var z = _z.AsSpan(0, bm);
        for (int s = 0; s < _p; s++)
            Gemm.Run<T>(_flops, Transpose.No, Transpose.Yes, rows, m, m, 1, _all.AsSpan(s * bm, bm), m, W.Value.Span.Slice(s * m), n, s == 0 ? 0 : 1, z, m);
        RowOps.AddBias<T>(z, Bias.Value.Span, rows, m);
        ActivationFunctions.Apply<T>(_act, z, _out.AsSpan(0, bm));
        return _out;
    }

    public override T[]? Backward(T[] gradOutput, int rows)
    {
        int m = _m, n = _n, bm = rows * m;
        var delta = _delta.AsSpan(0, bm);
        gradOutput.AsSpan(0, bm).CopyTo(delta);
        ActivationFunctions.Backward<T>(_act, _z.AsSpan(0, bm), delta);
        RowOps.ColumnSums<T>(delta, Bias.Gradient.Span, rows, m);
        for (int s = 0; s < _p; s++)
        {
            Gemm.Run<T>(_flops, Transpose.Yes, Transpose.No, m, m, rows, 1, delta, m, _all.AsSpan(s * bm, bm), m, 1, W.Gradient.Span.Slice(s * m), n);
            Gemm.Run<T>(_flops, Transpose.No, Transpose.No, rows, m, m, 1, delta, m, W.Value.Span.Slice(s * m), n, 0, _partials.AsSpan(s * bm, bm), m);
        }
        _exchange.Backward(_partials.AsSpan(0, _p * bm), _dIn.AsSpan(0, bm));
        return _dIn;
    }

    public override long KeptActivationElements(int rows) => (long)rows * _n + (long)rows * _m;
}
