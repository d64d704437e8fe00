using HpcKit.Neural;
using System.Numerics;
using HpcKit.Core.Comm;
using HpcKit.Phantom.Model;

namespace HpcKit.Phantom.Layers;

/// <summary>
/// Megatron column-parallel hidden layer (spec §5b): rank r holds output rows W_r,: (m×n) and b_r; it reads the
/// replicated B×n input and produces its partitioned B×m output with no forward collective. Backward forms the
/// partial input gradient δ_r W_r,: (B×n) and sums it with one all-reduce (the conjugate of the identity forward).
/// </summary>
public sealed class ColumnParallelLayer<T> : AffineRankLayer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public ColumnParallelLayer(ICommunicator comm, NetworkConfig config, int layer, int capacity, FlopCounter? flops)
        : base(comm, $"hidden{layer}.W", $"hidden{layer}.b", NotNull(config).M, config.Width, config.Width, capacity, config.Activation, flops)
    {
        int m = config.M, n = config.Width;
        InitStreams.DenseRows<T>(W.Value.Span, config.Seed, layer, InitStreams.Kind.DenseRow, n, comm.Rank * m, m, 0, n,
            InitStreams.Gain(config.Activation) / n);
    }

    public override string Name => $"ColumnParallel(n={Inputs}→m={Outputs})";

    public override T[] Forward(T[] input, int rows) => LocalForward(input, rows);

    public override T[]? Backward(T[] gradOutput, int rows)
    {
        var delta = DeltaAndBiasGradient(gradOutput, rows);
        WeightGradient(delta, rows);
        Comm.AllReduce(InputGradient(delta, rows, Flops), ReduceOp.Sum);
        return InputGradientBuffer;
    }
}
