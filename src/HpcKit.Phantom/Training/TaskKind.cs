namespace HpcKit.Phantom.Training;

/// <summary>The synthetic tasks of spec §8.</summary>
public enum TaskKind
{
    /// <summary>Teacher–student regression (MSE), d_out = 4.</summary>
    Regression,
    /// <summary>Teacher argmax labels with 5% uniform flips (softmax cross-entropy), 10 classes.</summary>
    Classification,
}
