using HpcKit.Neural;
using System.Numerics;
using HpcKit.Core.Comm;
using HpcKit.Phantom.Model;

namespace HpcKit.Phantom.Layers;

/// <summary>
/// Megatron row-parallel hidden layer (spec §5b): rank r holds the input columns W_:,r (n×m); its partitioned input
/// a_r gives a partial B×n output, summed by one all-reduce; the replicated bias (n) and σ are then applied to the
/// replicated result. Backward needs no collective: ∂W_:,r = δᵀ a_r, ∂a_r = δ W_:,r (δ is replicated).
/// </summary>
public sealed class RowParallelLayer<T> : AffineRankLayer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public RowParallelLayer(ICommunicator comm, NetworkConfig config, int layer, int capacity, FlopCounter? flops)
        : base(comm, $"hidden{layer}.W", $"hidden{layer}.b", NotNull(config).Width, config.M, config.M, capacity, config.Activation, flops)
    {
        int m = config.M, n = config.Width;
        InitStreams.DenseRows<T>(W.Value.Span, config.Seed, layer, InitStreams.Kind.DenseRow, n, 0, n, comm.Rank * m, m,
            InitStreams.Gain(config.Activation) / n);
    }

    public override string Name => $"RowParallel(m={Inputs}→n={Outputs})";

    public override T[] Forward(T[] input, int rows) => SummedForward(input, rows);

    public override T[]? Backward(T[] gradOutput, int rows) => LocalBackward(gradOutput, rows);
}
