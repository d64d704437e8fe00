using HpcKit.Neural;
using System.Numerics;
using HpcKit.Core.Comm;
using HpcKit.Phantom.Model;

namespace HpcKit.Phantom.Layers;

/// <summary>
/// The input layer d_in → n, identical in PP and TP (spec §3.4): every rank reads the same batch x and computes its
/// m neurons z_r = x W_in,rᵀ + b_in,r, σ, with no communication. No input gradient is formed unless asked for
/// (tests only: a local product and one all-reduce, neither counted in the step's FLOPs).
/// </summary>
public sealed class InputLayer<T> : AffineRankLayer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    public InputLayer(ICommunicator comm, NetworkConfig config, int capacity, FlopCounter? flops)
        : base(comm, "input.W", "input.b", NotNull(config).M, config.InputDim, config.InputDim, capacity, config.Activation, flops)
    {
        int m = config.M, d = config.InputDim;
        InitStreams.DenseRows<T>(W.Value.Span, config.Seed, InitStreams.InputLayer, InitStreams.Kind.InputWeight, d, comm.Rank * m, m, 0, d, 2.0 / d);
    }

    /// <summary>Form ∂ℓ/∂x in Backward (default false; tests only: an uncounted GEMM and an all-reduce).</summary>
    public override bool InputGradientRequired { get; set; }

    public override string Name => $"Input(d_in={Inputs}→m={Outputs})";

    public override T[] Forward(T[] input, int rows) => LocalForward(input, rows);

    public override T[]? Backward(T[] gradOutput, int rows)
    {
        var delta = DeltaAndBiasGradient(gradOutput, rows);
        WeightGradient(delta, rows);
        if (!InputGradientRequired) return null;
        Comm.AllReduce(InputGradient(delta, rows, null), ReduceOp.Sum);
        return InputGradientBuffer;
    }
}
