using HpcKit.Neural;
using System.Numerics;
using HpcKit.Core.Comm;
using HpcKit.Phantom.Model;

namespace HpcKit.Phantom.Layers;

/// <summary>
/// The head n → d_out, identical in PP and TP (spec §3.4): rank r forms partial logits o_r = a_r W_out,rᵀ; one sum
/// all-reduce of B×d_out gives o, then the replicated b_out is added. Backward needs no collective, because
/// ∂ℓ/∂o is the same on every rank: ∂W_out,r = ∂oᵀ a_r, ∂b_out = Σ ∂o, ∂a_r = ∂o W_out,r (6B·m·d_out FLOPs in all).
/// </summary>
public sealed class OutputHead<T> : AffineRankLayer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public OutputHead(ICommunicator comm, NetworkConfig config, int capacity, FlopCounter? flops)
        : base(comm, "head.W", "head.b", NotNull(config).OutputDim, config.M, config.M, capacity, null, flops)
    {
        int m = config.M;
        InitStreams.DenseRows<T>(W.Value.Span, config.Seed, config.Layers + 1, InitStreams.Kind.HeadRow, config.Width, 0, config.OutputDim,
            comm.Rank * m, m, 1.0 / config.Width);
    }

    public override string Name => $"Head(m={Inputs}→d_out={Outputs})";

    public override T[] Forward(T[] input, int rows) => SummedForward(input, rows);

    public override T[]? Backward(T[] gradOutput, int rows) => LocalBackward(gradOutput, rows);
}
