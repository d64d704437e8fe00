using System.Numerics;

namespace HpcKit.Neural;

/// <summary>
/// Base of the optimizers: holds the trainable parameters, the learning rate and the step count.
/// <see cref="Step"/> updates values from the accumulated gradients; <see cref="ZeroGradients"/> clears them.
/// <see cref="StateTensors"/> exposes the per-parameter state (moments) for checkpoints and warm starts.
/// </summary>
public abstract class Optimizer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly List<Parameter<T>> _parameters = [];

    /// <summary>An optimizer over the trainable members of <paramref name="parameters"/>.</summary>
    protected Optimizer(IEnumerable<Parameter<T>> parameters, double learningRate)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        foreach (var p in parameters)
            if (p.Trainable) _parameters.Add(p);
        if (!(learningRate >= 0)) throw new ArgumentOutOfRangeException(nameof(learningRate), "learning rate must be ≥ 0");
        LearningRate = learningRate;
    }

    /// <summary>The parameters updated.</summary>
    public IReadOnlyList<Parameter<T>> Parameters => _parameters;

    /// <summary>Current learning rate (schedules set it).</summary>
    public double LearningRate { get; set; }

    /// <summary>Steps taken (Adam's bias correction uses it; restored with a checkpoint).</summary>
    public long StepCount { get; set; }

    /// <summary>Applies one update from the gradients and increments <see cref="StepCount"/>.</summary>
    public abstract void Step();

    /// <summary>Zeroes every parameter gradient.</summary>
    public void ZeroGradients()
    {
        foreach (var p in _parameters) p.ZeroGradient();
    }

    /// <summary>Named per-parameter state tensors (e.g. "0.weight.exp_avg"), in a fixed order.</summary>
    public abstract IReadOnlyList<KeyValuePair<string, Tensor<T>>> StateTensors();
}
