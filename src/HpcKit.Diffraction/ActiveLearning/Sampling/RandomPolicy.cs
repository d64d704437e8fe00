using HpcKit.Core.Random;

namespace HpcKit.Diffraction.ActiveLearning;

/// <summary>
/// The equal-data baseline: M uniform random points, M/3 per class (remainder to the first classes in label
/// order), excluded points redrawn. Ignores the model.
/// </summary>
public sealed class RandomPolicy : IAcquisitionPolicy
{
    public string Name => "random";

    public bool NeedsScores => false;

    public AcquisitionBatch Select(StudyGrid grid, ReadOnlySpan<Prediction> gridPredictions, int batchSize, ulong seed, int round)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(batchSize);
        var rng = new RandomStream(seed, StreamIds.RandomPolicy(round));
        var pts = new CellPoint[batchSize];
        int k = 0;
        for (int c = 0; c < 3; c++)
        {
            int n = batchSize / 3 + (c < batchSize % 3 ? 1 : 0);
            for (int i = 0; i < n; i++) pts[k++] = ParameterSpace.SampleUniform((CrystalClass)c, ref rng);
        }
        return new AcquisitionBatch(round, Name, pts, batchSize, 0, null);
    }
}
