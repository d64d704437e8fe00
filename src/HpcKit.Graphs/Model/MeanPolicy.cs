namespace HpcKit.Graphs.Model;

/// <summary>Whether power-law weights are rescaled to the exact target mean (spec §6.1).</summary>
public enum MeanPolicy
{
    /// <summary>Multiply all weights by d·n/Σw so the mean is exactly d (default).</summary>
    RescaleToTarget,

    /// <summary>Keep the raw Chung–Lu formula.</summary>
    Formula,
}
