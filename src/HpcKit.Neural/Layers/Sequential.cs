using System.Numerics;

namespace HpcKit.Neural;

/// <summary>
/// A chain of layers: Forward runs them in order, Backward in reverse. Parameters are the layers' parameters in
/// order, renamed PyTorch-style ("0.weight", "2.bias", nested "1.0.weight") so safetensors files line up with a
/// torch.nn.Sequential state_dict. Setting <see cref="Training"/> sets every layer; setting
/// <see cref="InputGradientRequired"/> sets the first layer's flag (the others always need theirs).
/// </summary>
public sealed class Sequential<T> : ILayer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly List<ILayer<T>> _layers = [];
    private readonly List<Parameter<T>> _parameters = [];
    private bool _training = true;
    private bool _inputGradient = true;

    /// <summary>A chain of the given layers.</summary>
    public Sequential(params ILayer<T>[] layers)
    {
        ArgumentNullException.ThrowIfNull(layers);
        foreach (var l in layers) Add(l);
    }

    /// <summary>Appends a layer (its parameters are renamed with its index).</summary>
    public Sequential<T> Add(ILayer<T> layer)
    {
        ArgumentNullException.ThrowIfNull(layer);
        int index = _layers.Count;
        foreach (var p in layer.Parameters)
        {
            p.Name = $"{index}.{p.Name}";
            _parameters.Add(p);
        }
        layer.Training = _training;
        layer.InputGradientRequired = index == 0 ? _inputGradient : true;
        _layers.Add(layer);
        return this;
    }

    /// <summary>The layers.</summary>
    public IReadOnlyList<ILayer<T>> Layers => _layers;

    /// <summary>Layer <paramref name="index"/>.</summary>
    public ILayer<T> this[int index] => _layers[index];

    /// <inheritdoc/>
    public string Name => "Sequential(" + string.Join(", ", _layers.Select(l => l.Name)) + ")";

    /// <inheritdoc/>
    public IReadOnlyList<Parameter<T>> Parameters => _parameters;

    /// <inheritdoc/>
    public bool Training
    {
        get => _training;
        set
        {
            _training = value;
            foreach (var l in _layers) l.Training = value;
        }
    }

    /// <inheritdoc/>
    public bool InputGradientRequired
    {
        get => _inputGradient;
        set
        {
            _inputGradient = value;
            if (_layers.Count > 0) _layers[0].InputGradientRequired = value;
        }
    }

    /// <inheritdoc/>
    public Tensor<T> Forward(Tensor<T> input)
    {
        var x = input;
        for (int i = 0; i < _layers.Count; i++) x = _layers[i].Forward(x);
        return x;
    }

    /// <inheritdoc/>
    public Tensor<T> Backward(Tensor<T> outputGradient)
    {
        var g = outputGradient;
        for (int i = _layers.Count - 1; i >= 0; i--) g = _layers[i].Backward(g);
        return g;
    }

    /// <summary>Total number of parameter elements.</summary>
    public long ParameterCount
    {
        get
        {
            long n = 0;
            foreach (var p in _parameters) n += p.Length;
            return n;
        }
    }

    /// <summary>Zeroes every parameter gradient.</summary>
    public void ZeroGradients()
    {
        foreach (var p in _parameters) p.ZeroGradient();
    }

    /// <inheritdoc/>
    public override string ToString() => Name;
}
