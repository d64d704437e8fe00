namespace HpcKit.Diffraction.ActiveLearning;

/// <summary>
/// A rule that proposes the next batch of parameter points. Deterministic per (seed, round): two calls with
/// the same inputs return the same batch.
/// </summary>
public interface IAcquisitionPolicy
{
    /// <summary>Name on the command line ("uncertainty", "random", ...).</summary>
    string Name { get; }

    /// <summary>Whether <see cref="Select"/> reads model predictions on the study grid (so the grid must be simulated and scored).</summary>
    bool NeedsScores { get; }

    /// <summary>
    /// Proposes about <paramref name="batchSize"/> points for <paramref name="round"/> (1-based).
    /// <paramref name="gridPredictions"/> is empty when <see cref="NeedsScores"/> is false.
    /// </summary>
    AcquisitionBatch Select(StudyGrid grid, ReadOnlySpan<Prediction> gridPredictions, int batchSize, ulong seed, int round);
}
