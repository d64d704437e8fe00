using HpcKit.Core.Random;

namespace HpcKit.Diffraction.ActiveLearning;

/// <summary>
/// The published policy: score the study grid (<see cref="UncertaintyScore"/>), allocate M points by a
/// multinomial draw, jitter them per class, drop invalid draws. <see cref="VarianceShare"/> = 0.5 is the
/// published 50/50 mix.
/// </summary>
public sealed class UncertaintyPolicy(ClassJitter? jitter = null, double varianceShare = 0.5) : IAcquisitionPolicy
{
    /// <summary>The jitter widths.</summary>
    public ClassJitter Jitter { get; } = jitter ?? ClassJitter.Published;

    /// <summary>Weight of the variance term (1 − share goes to entropy).</summary>
    public double VarianceShare { get; } = varianceShare;

    public string Name => "uncertainty";

    public bool NeedsScores => true;

    public AcquisitionBatch Select(StudyGrid grid, ReadOnlySpan<Prediction> gridPredictions, int batchSize, ulong seed, int round)
    {
        if (gridPredictions.Length != grid.Count)
            throw new ArgumentException($"expected {grid.Count} grid predictions, got {gridPredictions.Length}", nameof(gridPredictions));
        var w = new double[grid.Count];
        var diag = UncertaintyScore.Compute(gridPredictions, w, VarianceShare);
        var counts = new int[grid.Count];
        var rng = new RandomStream(seed, StreamIds.Allocation(round));
        MultinomialAllocation.Draw(w, batchSize, ref rng, counts);
        var jrng = new RandomStream(seed, StreamIds.Jitter(round));
        var accepted = new List<CellPoint>(batchSize);
        int rejected = Jitter.Apply(grid.Points, counts, ref jrng, accepted);
        return new AcquisitionBatch(round, Name, [.. accepted], batchSize, rejected, diag);
    }
}
