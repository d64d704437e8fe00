namespace HpcKit.Neural;

/// <summary>
/// A learning rate as a function of a step (or epoch) counter t, like torch.optim.lr_scheduler.
/// Call <see cref="Apply{T}"/> before each optimizer step with the counter you choose to advance.
/// </summary>
public abstract class LearningRateSchedule
{
    /// <summary>A schedule starting from <paramref name="baseLearningRate"/>.</summary>
    protected LearningRateSchedule(double baseLearningRate) => BaseLearningRate = baseLearningRate;

    /// <summary>Learning rate at t = 0 before any multiplier.</summary>
    public double BaseLearningRate { get; set; }

    /// <summary>Learning rate at counter <paramref name="t"/>.</summary>
    public abstract double At(long t);

    /// <summary>Sets the optimizer's learning rate to <see cref="At"/>(t) and returns it.</summary>
    public double Apply<T>(Optimizer<T> optimizer, long t) where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        double lr = At(t);
        optimizer.LearningRate = lr;
        return lr;
    }
}
