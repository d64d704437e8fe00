using System.Numerics;

namespace HpcKit.Phantom.Layers;

/// <summary>
/// One layer as seen by one rank. Buffers are owned by the layer and sized for <see cref="Capacity"/> rows; a call with
/// <c>rows</c> uses the first rows·width elements. Backward overwrites (does not accumulate) parameter gradients.
/// </summary>
public interface IRankLayer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Elements per row this rank reads.</summary>
    int InputWidth { get; }

    /// <summary>Elements per row this rank produces.</summary>
    int OutputWidth { get; }

    /// <summary>Maximum rows per call.</summary>
    int Capacity { get; }

    /// <summary>This rank's trainable tensors.</summary>
    IReadOnlyList<Parameter<T>> Parameters { get; }

    /// <summary>Forward; the input array is kept until Backward. Returns the layer's output buffer.</summary>
    T[] Forward(T[] input, int rows);

    /// <summary>Backward from ∂ℓ/∂output; fills parameter gradients and returns ∂ℓ/∂input (null when not formed).</summary>
    T[]? Backward(T[] gradOutput, int rows);

    /// <summary>Elements this layer keeps from forward for backward (input, pre-activations, gathered blocks).</summary>
    long KeptActivationElements(int rows);
}
