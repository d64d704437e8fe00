namespace HpcKit.Neural;

/// <summary>LambdaLR: lr = base·f(t).</summary>
public sealed class LambdaSchedule : LearningRateSchedule
{
    private readonly Func<long, double> _multiplier;

    /// <summary>A schedule with multiplier <paramref name="multiplier"/>(t).</summary>
    public LambdaSchedule(double baseLearningRate, Func<long, double> multiplier) : base(baseLearningRate)
        => _multiplier = multiplier ?? throw new ArgumentNullException(nameof(multiplier));

    /// <inheritdoc/>
    public override double At(long t) => BaseLearningRate * _multiplier(t);
}
