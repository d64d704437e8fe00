using System.Numerics;

namespace HpcKit.Neural;

/// <summary>
/// An in-memory copy of parameter values and (optionally) optimizer state — moments, step count and learning rate —
/// for best-validation checkpointing and warm starts. <see cref="Capture"/> reuses its buffers.
/// </summary>
public sealed class Checkpoint<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly List<Tensor<T>> _values = [];
    private readonly List<Tensor<T>> _state = [];

    /// <summary>Whether anything was captured.</summary>
    public bool IsEmpty { get; private set; } = true;

    /// <summary>Optimizer step count at capture.</summary>
    public long StepCount { get; private set; }

    /// <summary>Learning rate at capture.</summary>
    public double LearningRate { get; private set; }

    /// <summary>User tag, e.g. the epoch or validation loss.</summary>
    public double Score { get; set; } = double.PositiveInfinity;

    /// <summary>Copies the parameters (and the optimizer's state, when given).</summary>
    public void Capture(IReadOnlyList<Parameter<T>> parameters, Optimizer<T>? optimizer = null)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        CopyInto(_values, parameters.Select(p => p.Value).ToList());
        if (optimizer != null)
        {
            CopyInto(_state, optimizer.StateTensors().Select(kv => kv.Value).ToList());
            StepCount = optimizer.StepCount;
            LearningRate = optimizer.LearningRate;
        }
        else
        {
            _state.Clear();
        }
        IsEmpty = false;
    }

    /// <summary>Writes the captured values back (and the optimizer state, when given and captured).</summary>
    public void Restore(IReadOnlyList<Parameter<T>> parameters, Optimizer<T>? optimizer = null, bool restoreLearningRate = false)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (IsEmpty) throw new InvalidOperationException("checkpoint is empty");
        CopyBack(_values, parameters.Select(p => p.Value).ToList(), "parameter");
        if (optimizer != null && _state.Count > 0)
        {
            CopyBack(_state, optimizer.StateTensors().Select(kv => kv.Value).ToList(), "optimizer state");
            optimizer.StepCount = StepCount;
            if (restoreLearningRate) optimizer.LearningRate = LearningRate;
        }
    }

    private static void CopyInto(List<Tensor<T>> store, List<Tensor<T>> source)
    {
        while (store.Count < source.Count) store.Add(new Tensor<T>(0));
        if (store.Count > source.Count) store.RemoveRange(source.Count, store.Count - source.Count);
        for (int i = 0; i < source.Count; i++) store[i].CopyFrom(source[i]);
    }

    private static void CopyBack(List<Tensor<T>> store, List<Tensor<T>> target, string what)
    {
        if (store.Count != target.Count)
            throw new ArgumentException($"checkpoint holds {store.Count} {what} tensors, the model has {target.Count}");
        for (int i = 0; i < store.Count; i++)
        {
            if (!store[i].HasShape(target[i].Shape))
                throw new ArgumentException($"checkpoint {what} {i} has shape {store[i].ShapeText}, the model expects {target[i].ShapeText}");
            store[i].Span.CopyTo(target[i].Span);
        }
    }
}
