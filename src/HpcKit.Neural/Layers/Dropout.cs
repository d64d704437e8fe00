using System.Numerics;
using HpcKit.Core.Random;

namespace HpcKit.Neural;

/// <summary>
/// Inverted dropout: in training each element is kept with probability 1 − p and scaled by 1/(1 − p); in evaluation
/// mode it is the identity. The mask of the i-th training Forward comes from RandomStream(seed, streamBase + i), so
/// runs are reproducible. (PyTorch's masks come from its own generator, so masks differ from torch.)
/// </summary>
public sealed class Dropout<T> : Layer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly ulong _seed, _streamBase;
    private T[] _mask = [];
    private bool _identity;

    /// <summary>Dropout with drop probability <paramref name="p"/> in [0, 1).</summary>
    public Dropout(double p, ulong seed, ulong streamBase = 0)
    {
        if (!(p >= 0 && p < 1)) throw new ArgumentOutOfRangeException(nameof(p), "Dropout: p must be in [0, 1)");
        P = p;
        _seed = seed;
        _streamBase = streamBase;
    }

    /// <summary>Drop probability.</summary>
    public double P { get; }

    /// <summary>Training forwards so far (selects the next mask's stream).</summary>
    public ulong Calls { get; set; }

    /// <inheritdoc/>
    public override string Name => $"Dropout({P})";

    /// <inheritdoc/>
    public override Tensor<T> Forward(Tensor<T> input)
    {
        ArgumentNullException.ThrowIfNull(input);
        LastInput = input;
        _identity = !Training || P == 0;
        if (_identity) return input;
        Output.ResizeAs(input);
        if (_mask.Length < input.Length) _mask = new T[input.Length];
        var rng = new RandomStream(_seed, _streamBase + Calls++);
        T scale = T.CreateTruncating(1 / (1 - P));
        double keep = 1 - P;
        var mask = _mask.AsSpan(0, input.Length);
        for (int i = 0; i < mask.Length; i++) mask[i] = rng.NextDouble() <= keep ? scale : T.Zero;
        System.Numerics.Tensors.TensorPrimitives.Multiply(input.Span, mask, Output.Span);
        return Output;
    }

    /// <inheritdoc/>
    public override Tensor<T> Backward(Tensor<T> outputGradient)
    {
        var x = SavedInput();
        RequireSameShape(outputGradient, x, "output gradient");
        if (_identity) return outputGradient;
        InputGradient.ResizeAs(x);
        System.Numerics.Tensors.TensorPrimitives.Multiply(outputGradient.Span, _mask.AsSpan(0, x.Length), InputGradient.Span);
        return InputGradient;
    }
}
