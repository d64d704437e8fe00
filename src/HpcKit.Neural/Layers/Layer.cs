using System.Numerics;

namespace HpcKit.Neural;

/// <summary>Convenience base for layers: parameter list, mode flags, and owned output/gradient buffers.</summary>
public abstract class Layer<T> : ILayer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly List<Parameter<T>> _parameters = [];

    /// <summary>The output buffer returned by Forward.</summary>
    protected Tensor<T> Output { get; } = new(0);

    /// <summary>The input-gradient buffer returned by Backward.</summary>
    protected Tensor<T> InputGradient { get; } = new(0);

    /// <summary>The input of the last Forward (kept for Backward).</summary>
    protected Tensor<T>? LastInput { get; set; }

    /// <inheritdoc/>
    public abstract string Name { get; }

    /// <inheritdoc/>
    public IReadOnlyList<Parameter<T>> Parameters => _parameters;

    /// <inheritdoc/>
    public virtual bool Training { get; set; } = true;

    /// <inheritdoc/>
    public virtual bool InputGradientRequired { get; set; } = true;

    /// <summary>Registers a parameter (call in the constructor).</summary>
    protected Parameter<T> AddParameter(string name, params int[] shape)
    {
        var p = new Parameter<T>(name, shape);
        _parameters.Add(p);
        return p;
    }

    /// <inheritdoc/>
    public abstract Tensor<T> Forward(Tensor<T> input);

    /// <inheritdoc/>
    public abstract Tensor<T> Backward(Tensor<T> outputGradient);

    /// <summary>The input saved by Forward, or an error if Backward is called first.</summary>
    protected Tensor<T> SavedInput() =>
        LastInput ?? throw new InvalidOperationException($"{Name}: Backward called before Forward");

    /// <summary>Throws a clear error when <paramref name="t"/>'s shape differs from <paramref name="expected"/>.</summary>
    protected void RequireSameShape(Tensor<T> t, Tensor<T> expected, string what)
    {
        ArgumentNullException.ThrowIfNull(t);
        if (!t.HasShape(expected.Shape))
            throw new ArgumentException($"{Name}: {what} has shape {t.ShapeText}, expected {expected.ShapeText}");
    }

    /// <inheritdoc/>
    public override string ToString() => Name;
}
