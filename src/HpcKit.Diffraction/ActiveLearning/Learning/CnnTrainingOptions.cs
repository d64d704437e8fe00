namespace HpcKit.Diffraction.ActiveLearning;

/// <summary>
/// Training settings (spec §4): Adam lr 5e-4 (β 0.9/0.999, ε 1e-8), step multiplier 1 / 0.5 / 0.2 at 5000 and
/// 10 000 steps of the phase, global-norm clip 50, drop-last mini-batches, s clamped to ±30 inside the
/// exponential, and a fixed number of micro-shards per batch whose gradients are summed in shard order (so
/// results do not depend on the thread count).
/// </summary>
public sealed record CnnTrainingOptions(int MiniBatch = 128, double LearningRate = 5e-4, double ClipNorm = 50, int MicroShards = 8, double LogVarianceClamp = 30)
{
    /// <summary>Learning-rate multiplier at phase step t (1-based).</summary>
    public static double Multiplier(long step) => step <= 5000 ? 1.0 : step <= 10000 ? 0.5 : 0.2;
}
