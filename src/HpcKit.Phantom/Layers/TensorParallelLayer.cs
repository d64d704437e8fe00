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
public sealed class TensorParallelLayer<T> : AffineRankLayer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly int _p;
    private readonly PhantomExchange<T> _exchange;
    private readonly T[] _all, _partials;

    /// <summary>Rank comm.Rank's rows of hidden layer <paramref name="layer"/>, drawn from the dense per-row streams.</summary>
    public TensorParallelLayer(ICommunicator comm, NetworkConfig config, int layer, int capacity, FlopCounter? flops)
        : base(comm, $"hidden{layer}.W", $"hidden{layer}.b", NotNull(config).M, config.Width, config.M, capacity, config.Activation, flops)
    {
        int m = config.M, n = config.Width;
        _p = comm.Size;
        _exchange = new PhantomExchange<T>(comm, config.EmulateNoReduceScatter);
        InitStreams.DenseRows<T>(W.Value.Span, config.Seed, layer, InitStreams.Kind.DenseRow, n, comm.Rank * m, m, 0, n,
            InitStreams.Gain(config.Activation) / n);
        _all = new T[capacity * n];
        _partials = new T[capacity * n];
    }

    public override string Name => $"TensorParallel(n={Inputs}→m={Outputs})";

    public override T[] Forward(T[] input, int rows)
    {
        int m = Outputs, n = Inputs, bm = rows * m;
        _exchange.Forward(input.AsSpan(0, bm), _all.AsSpan(0, _p * bm));
        var z = PreActivation.AsSpan(0, bm);
        for (int s = 0; s < _p; s++)
            Gemm.Run<T>(Flops, Transpose.No, Transpose.Yes, rows, m, m, 1, _all.AsSpan(s * bm, bm), m, W.Value.Span.Slice(s * m), n, s == 0 ? 0 : 1, z, m);
        return BiasAndActivation(z, rows);
    }

    public override T[]? Backward(T[] gradOutput, int rows)
    {
        int m = Outputs, n = Inputs, bm = rows * m;
        var delta = DeltaAndBiasGradient(gradOutput, rows);
        for (int s = 0; s < _p; s++)
        {
            Gemm.Run<T>(Flops, Transpose.Yes, Transpose.No, m, m, rows, 1, delta, m, _all.AsSpan(s * bm, bm), m, 1, W.Gradient.Span.Slice(s * m), n);
            Gemm.Run<T>(Flops, Transpose.No, Transpose.No, rows, m, m, 1, delta, m, W.Value.Span.Slice(s * m), n, 0, _partials.AsSpan(s * bm, bm), m);
        }
        _exchange.Backward(_partials.AsSpan(0, _p * bm), InputGradientBuffer.AsSpan(0, bm));
        return InputGradientBuffer;
    }
}
