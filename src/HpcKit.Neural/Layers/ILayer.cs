using System.Numerics;

namespace HpcKit.Neural;

/// <summary>
/// A network layer with an explicit backward operator. Contract:
/// <list type="bullet">
/// <item><see cref="Forward"/> returns a tensor OWNED by the layer (reused next call); it may keep a reference to
/// the input for the backward pass, so the caller must not modify the input until Backward.</item>
/// <item><see cref="Backward"/> takes ∂L/∂output of the last Forward, ADDS parameter gradients into
/// <see cref="Parameter{T}.Gradient"/>, and returns ∂L/∂input (layer-owned) — or, when
/// <see cref="InputGradientRequired"/> is false, may skip that work and return an unspecified tensor.</item>
/// <item>After warm-up (first call with a given shape) neither call allocates.</item>
/// </list>
/// Phantom's distributed layers implement this interface too.
/// </summary>
public interface ILayer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Short type name, e.g. "Linear(4→8)".</summary>
    string Name { get; }

    /// <summary>Trainable parameters, in a stable order (weights before bias).</summary>
    IReadOnlyList<Parameter<T>> Parameters { get; }

    /// <summary>Training (true, default) or evaluation mode (Dropout off).</summary>
    bool Training { get; set; }

    /// <summary>Whether Backward must compute ∂L/∂input (default true; false for a network's first layer saves work).</summary>
    bool InputGradientRequired { get; set; }

    /// <summary>Computes the output for <paramref name="input"/>.</summary>
    Tensor<T> Forward(Tensor<T> input);

    /// <summary>Back-propagates <paramref name="outputGradient"/>; returns ∂L/∂input.</summary>
    Tensor<T> Backward(Tensor<T> outputGradient);
}
