namespace HpcKit.Neural;

/// <summary>StepLR: lr = base·γ^⌊t / stepSize⌋.</summary>
public sealed class StepSchedule : LearningRateSchedule
{
    /// <summary>Multiplies by <paramref name="gamma"/> every <paramref name="stepSize"/> counts.</summary>
    public StepSchedule(double baseLearningRate, long stepSize, double gamma = 0.1) : base(baseLearningRate)
    {
        if (stepSize < 1) throw new ArgumentOutOfRangeException(nameof(stepSize), "step size must be ≥ 1");
        StepSize = stepSize;
        Gamma = gamma;
    }

    /// <summary>Counts per decay.</summary>
    public long StepSize { get; }

    /// <summary>Decay factor.</summary>
    public double Gamma { get; }

    /// <inheritdoc/>
    public override double At(long t) => BaseLearningRate * Math.Pow(Gamma, t / StepSize);
}
