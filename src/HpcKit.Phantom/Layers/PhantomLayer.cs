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
public sealed class PhantomLayer<T> : AffineRankLayer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly int _r, _p, _k;
    private readonly PhantomExchange<T> _exchange;
    private readonly T[] _g, _gAll, _h, _dg;

    /// <summary>Builds rank comm.Rank's part of hidden layer <paramref name="layer"/> (1-based) with the §3.6 initialisation.</summary>
    public PhantomLayer(ICommunicator comm, NetworkConfig config, int layer, int capacity, FlopCounter? flops)
        : base(comm, $"hidden{layer}.W_rr", $"hidden{layer}.b", NotNull(config).M, config.M, config.M, capacity, config.Activation, flops)
    {
        int m = config.M;
        _r = comm.Rank;
        _p = comm.Size;
        _k = config.Ghosts;
        _exchange = new PhantomExchange<T>(comm, config.EmulateNoReduceScatter);
        C = new Parameter<T>($"hidden{layer}.C", _k, m);
        D = new Parameter<T>($"hidden{layer}.D", m, (_p - 1) * _k);
        Parameters = [W, Bias, C, D];
        double g = InitStreams.Gain(config.Activation), n = config.Width;
        InitStreams.Normal<T>(W.Value.Span, config.Seed, InitStreams.StreamId(layer, InitStreams.Kind.LocalBlock, _r, _r), g / n);
        InitStreams.Normal<T>(C.Value.Span, config.Seed, InitStreams.StreamId(layer, InitStreams.Kind.Compression, _r, 0), 1.0 / m);
        var block = new T[m * _k];
        int ld = (_p - 1) * _k;
        for (int s = 0, j = 0; s < _p; s++)
        {
            if (s == _r) continue;
            InitStreams.Normal<T>(block, config.Seed, InitStreams.StreamId(layer, InitStreams.Kind.Decompression, _r, s), g / n * m / _k);
            for (int i = 0; i < m; i++) block.AsSpan(i * _k, _k).CopyTo(D.Value.Span.Slice(i * ld + j * _k, _k));
            j++;
        }
        _g = new T[capacity * _k];
        _gAll = new T[_p * capacity * _k];
        _h = new T[_p * capacity * _k];
        _dg = new T[capacity * _k];
    }

    public Parameter<T> C { get; }

    public Parameter<T> D { get; }

    /// <summary>The ghost exchange (tells whether the reduce-scatter is emulated).</summary>
    public PhantomExchange<T> Exchange => _exchange;

    public override string Name => $"Phantom(m={Outputs}, k={_k}, p={_p})";

    public override IReadOnlyList<Parameter<T>> Parameters { get; }

    /// <summary>Ghost activations of every rank from the last forward, rank-major blocks of rows×k.</summary>
    public ReadOnlySpan<T> GatheredGhosts(int rows) => _gAll.AsSpan(0, _p * rows * _k);

    public override T[] Forward(T[] input, int rows)
    {
        int m = Outputs, k = _k, ldd = (_p - 1) * k, bk = rows * k;
        Gemm.Run<T>(Flops, Transpose.No, Transpose.Yes, rows, k, m, 1, input, m, C.Value.Span, m, 0, _g, k);
        _exchange.Forward(_g.AsSpan(0, bk), _gAll.AsSpan(0, _p * bk));
        var z = Affine(input, rows);
        for (int s = 0, j = 0; s < _p; s++)
        {
            if (s == _r) continue;
            Gemm.Run<T>(Flops, Transpose.No, Transpose.Yes, rows, m, k, 1, _gAll.AsSpan(s * bk, bk), k, D.Value.Span.Slice(j * k), ldd, 1, z, m);
            j++;
        }
        return BiasAndActivation(z, rows);
    }

    public override T[]? Backward(T[] gradOutput, int rows)
    {
        int m = Outputs, k = _k, ldd = (_p - 1) * k, bk = rows * k;
        var delta = DeltaAndBiasGradient(gradOutput, rows);
        WeightGradient(delta, rows);
        var h = _h.AsSpan(0, _p * bk);
        h.Slice(_r * bk, bk).Clear();
        for (int s = 0, j = 0; s < _p; s++)
        {
            if (s == _r) continue;
            Gemm.Run<T>(Flops, Transpose.Yes, Transpose.No, m, k, rows, 1, delta, m, _gAll.AsSpan(s * bk, bk), k, 1, D.Gradient.Span.Slice(j * k), ldd);
            Gemm.Run<T>(Flops, Transpose.No, Transpose.No, rows, k, m, 1, delta, m, D.Value.Span.Slice(j * k), ldd, 0, h.Slice(s * bk, bk), k);
            j++;
        }
        _exchange.Backward(h, _dg.AsSpan(0, bk));
        Gemm.Run<T>(Flops, Transpose.Yes, Transpose.No, k, m, rows, 1, _dg, k, KeptInput, m, 1, C.Gradient.Span, m);
        InputGradient(delta, rows, Flops);
        Gemm.Run<T>(Flops, Transpose.No, Transpose.No, rows, m, k, 1, _dg, k, C.Value.Span, m, 1, InputGradientBuffer, m);
        return InputGradientBuffer;
    }

    public override long KeptActivationElements(int rows) => 2L * rows * Outputs + (long)rows * _p * _k;
}
