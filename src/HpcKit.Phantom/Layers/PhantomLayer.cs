using HpcKit.Neural;
using System.Numerics;
using HpcKit.Core.Comm;
using HpcKit.Core.LinearAlgebra;
using HpcKit.Phantom.Model;

namespace HpcKit.Phantom.Layers;

/// <summary>
/// A hidden PP layer on rank r (spec §3): local block W_rr (m×m), bias b_r, compression C_r (k×m) and the
/// decompressions D_r = [D_rs]_{s≠r} (m×(p−1)k, column blocks in ascending s).
/// Forward: g_r = a_r C_rᵀ; G = AllGather(g); z_r = a_r W_rrᵀ + Σ_{s≠r} g_s D_rsᵀ + b_r; a' = σ(z_r) —
/// 2B(m² + p·k·m) FLOPs and one all-gather of B×k. Backward (fused, by hand): ∂W_rr = δᵀa, ∂b = Σδ,
/// ∂D_rs = δᵀ g_s, h_s = δ D_rs, ∂g_r = ReduceScatter(h), ∂C_r = ∂g_rᵀ a, ∂a = δ W_rr + ∂g_r C_r —
/// 4B(m² + p·k·m) FLOPs and one reduce-scatter of B×k.
/// </summary>
public sealed class PhantomLayer<T> : RankLayer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly int _r, _p, _m, _k, _cap;
    private readonly Activation _act;
    private readonly FlopCounter? _flops;
    private readonly PhantomExchange<T> _exchange;
    private readonly T[] _z, _out, _g, _gAll, _h, _dg, _delta, _dIn;
    private T[] _input = [];

    /// <summary>Builds rank comm.Rank's part of hidden layer <paramref name="layer"/> (1-based) with the §3.6 initialisation.</summary>
    public PhantomLayer(ICommunicator comm, NetworkConfig config, int layer, int capacity, FlopCounter? flops)
    {
        ArgumentNullException.ThrowIfNull(comm);
        ArgumentNullException.ThrowIfNull(config);
        _r = comm.Rank;
        _p = comm.Size;
        _m = config.M;
        _k = config.Ghosts;
        _cap = capacity;
        _act = config.Activation;
        _flops = flops;
        _exchange = new PhantomExchange<T>(comm, config.EmulateNoReduceScatter);
        string pre = $"hidden{layer}.";
        W = new Parameter<T>(pre + "W_rr", _m, _m);
        Bias = new Parameter<T>(pre + "b", _m);
        C = new Parameter<T>(pre + "C", _k, _m);
        D = new Parameter<T>(pre + "D", _m, (_p - 1) * _k);
        Parameters = [W, Bias, C, D];
        double g = InitStreams.Gain(config.Activation), n = config.Width;
        InitStreams.Normal<T>(W.Value.Span, config.Seed, InitStreams.StreamId(layer, InitStreams.Kind.LocalBlock, _r, _r), g / n);
        InitStreams.Normal<T>(C.Value.Span, config.Seed, InitStreams.StreamId(layer, InitStreams.Kind.Compression, _r, 0), 1.0 / _m);
        var block = new T[_m * _k];
        int ld = (_p - 1) * _k;
        for (int s = 0, j = 0; s < _p; s++)
        {
            if (s == _r) continue;
            InitStreams.Normal<T>(block, config.Seed, InitStreams.StreamId(layer, InitStreams.Kind.Decompression, _r, s), g / n * _m / _k);
            for (int i = 0; i < _m; i++) block.AsSpan(i * _k, _k).CopyTo(D.Value.Span.Slice(i * ld + j * _k, _k));
            j++;
        }
        _z = new T[capacity * _m];
        _out = new T[capacity * _m];
        _g = new T[capacity * _k];
        _gAll = new T[_p * capacity * _k];
        _h = new T[_p * capacity * _k];
        _dg = new T[capacity * _k];
        _delta = new T[capacity * _m];
        _dIn = new T[capacity * _m];
    }

    public Parameter<T> W { get; }

    public Parameter<T> Bias { get; }

    public Parameter<T> C { get; }

    public Parameter<T> D { get; }

    /// <summary>The ghost exchange (tells whether the reduce-scatter is emulated).</summary>
    public PhantomExchange<T> Exchange => _exchange;

    public override string Name => $"Phantom(m={_m}, k={_k}, p={_p})";

    public override int InputWidth => _m;

    public override int OutputWidth => _m;

    public override int Capacity => _cap;

    public override IReadOnlyList<Parameter<T>> Parameters { get; }

    /// <summary>Ghost activations of every rank from the last forward, rank-major blocks of rows×k.</summary>
    public ReadOnlySpan<T> GatheredGhosts(int rows) => _gAll.AsSpan(0, _p * rows * _k);

    public override T[] Forward(T[] input, int rows)
    {
        _input = input;
        int m = _m, k = _k, ldd = (_p - 1) * k, bk = rows * k;
        var z = _z.AsSpan(0, rows * m);
        Gemm.Run<T>(_flops, Transpose.No, Transpose.Yes, rows, k, m, 1, input, m, C.Value.Span, m, 0, _g, k);
        _exchange.Forward(_g.AsSpan(0, bk), _gAll.AsSpan(0, _p * bk));
        Gemm.Run<T>(_flops, Transpose.No, Transpose.Yes, rows, m, m, 1, input, m, W.Value.Span, m, 0, z, m);
        for (int s = 0, j = 0; s < _p; s++)
        {
            if (s == _r) continue;
            Gemm.Run<T>(_flops, Transpose.No, Transpose.Yes, rows, m, k, 1, _gAll.AsSpan(s * bk, bk), k, D.Value.Span.Slice(j * k), ldd, 1, z, m);
            j++;
        }
        RowOps.AddBias<T>(z, Bias.Value.Span, rows, m);
        ActivationFunctions.Apply<T>(_act, z, _out.AsSpan(0, rows * m));
        return _out;
    }

    public override T[]? Backward(T[] gradOutput, int rows)
    {
        int m = _m, k = _k, ldd = (_p - 1) * k, bk = rows * k;
        var delta = _delta.AsSpan(0, rows * m);
        gradOutput.AsSpan(0, rows * m).CopyTo(delta);
        ActivationFunctions.Backward<T>(_act, _z.AsSpan(0, rows * m), delta);
        Gemm.Run<T>(_flops, Transpose.Yes, Transpose.No, m, m, rows, 1, delta, m, _input, m, 1, W.Gradient.Span, m);
        RowOps.ColumnSums<T>(delta, Bias.Gradient.Span, rows, m);
        var h = _h.AsSpan(0, _p * bk);
        h.Slice(_r * bk, bk).Clear();
        for (int s = 0, j = 0; s < _p; s++)
        {
            if (s == _r) continue;
            Gemm.Run<T>(_flops, Transpose.Yes, Transpose.No, m, k, rows, 1, delta, m, _gAll.AsSpan(s * bk, bk), k, 1, D.Gradient.Span.Slice(j * k), ldd);
            Gemm.Run<T>(_flops, Transpose.No, Transpose.No, rows, k, m, 1, delta, m, D.Value.Span.Slice(j * k), ldd, 0, h.Slice(s * bk, bk), k);
            j++;
        }
        _exchange.Backward(h, _dg.AsSpan(0, bk));
        Gemm.Run<T>(_flops, Transpose.Yes, Transpose.No, k, m, rows, 1, _dg, k, _input, m, 1, C.Gradient.Span, m);
        Gemm.Run<T>(_flops, Transpose.No, Transpose.No, rows, m, m, 1, delta, m, W.Value.Span, m, 0, _dIn, m);
        Gemm.Run<T>(_flops, Transpose.No, Transpose.No, rows, m, k, 1, _dg, k, C.Value.Span, m, 1, _dIn, m);
        return _dIn;
    }

    public override long KeptActivationElements(int rows) => 2L * rows * _m + (long)rows * _p * _k;
}
