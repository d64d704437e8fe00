namespace HpcKit.Phantom.Model;

/// <summary>Which model-parallel scheme a network uses for its hidden layers.</summary>
public enum ParallelMode
{
    /// <summary>Phantom parallelism: local block, ghosts, one all-gather forward, one reduce-scatter backward.</summary>
    Phantom,
    /// <summary>Tensor parallelism, 1-D output-neuron partition (all-gather forward, reduce-scatter backward).</summary>
    Tensor,
    /// <summary>Tensor parallelism with Megatron's row/column pairing (one all-reduce each way per pair).</summary>
    Megatron,
}
