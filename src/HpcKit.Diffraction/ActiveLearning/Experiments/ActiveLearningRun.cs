namespace HpcKit.Diffraction.ActiveLearning;

/// <summary>
/// The AL loop of spec §5 without overlap: phase 0 on the base set; each round k scores the study grid with
/// phase k−1's best model (when the policy needs it), selects a batch, simulates it, appends it and
/// warm-starts phase k on base + every batch so far. The round count is fixed.
/// </summary>
public static class ActiveLearningRun
{
    /// <summary>Trains phase 0 of a fresh model on the base set.</summary>
    public static PhasePoint TrainPhaseZero(string arm, IStructureModel model, ExperimentData data, int threads, bool scoresGrid, CancellationToken cancel = default)
    {
        var tr = model.TrainPhase(data.Base, data.Validation, data.Preset.EpochsOf(0), data.Seed, 0, threads, cancel);
        return new PhasePoint(arm, 0, data.Base.Count, Simulated(data, data.Base.Count, scoresGrid), Evaluate(model, data.Test, threads), tr, null);
    }

    /// <summary>
    /// Continues <paramref name="model"/> (already trained through phase 0) for the preset's rounds with
    /// <paramref name="policy"/>, simulating each batch with <paramref name="simulator"/>. Returns phases 1..R.
    /// </summary>
    public static List<PhasePoint> Continue(string arm, IStructureModel model, IAcquisitionPolicy policy, IPatternSimulator simulator,
        ExperimentData data, int threads, Action<PhasePoint>? onPhase = null, CancellationToken cancel = default)
    {
        var preset = data.Preset;
        var train = data.Base.Clone();
        var points = new List<PhasePoint>();
        for (int k = 1; k <= preset.Rounds; k++)
        {
            cancel.ThrowIfCancellationRequested();
            var batch = SelectBatch(model, policy, data, preset.BatchM, k, threads);
            var sims = PatternSimulation.Run(simulator, batch.Points, threads, train.Count, cancel);
            train.AddRange(sims);
            var tr = model.TrainPhase(train, data.Validation, preset.EpochsOf(k), data.Seed, k, threads, cancel);
            var pt = new PhasePoint(arm, k, train.Count, Simulated(data, train.Count, policy.NeedsScores), Evaluate(model, data.Test, threads), tr, batch);
            points.Add(pt);
            onPhase?.Invoke(pt);
        }
        return points;
    }

    /// <summary>Scores the grid when the policy needs it, then asks the policy for round k's batch of <paramref name="size"/>.</summary>
    public static AcquisitionBatch SelectBatch(IStructureModel model, IAcquisitionPolicy policy, ExperimentData data, int size, int round, int threads)
    {
        if (!policy.NeedsScores) return policy.Select(data.Grid, [], size, data.Seed, round);
        var grid = data.GridPatterns ?? throw new InvalidOperationException("the study grid was not simulated");
        var preds = new Prediction[grid.Count];
        model.Predict(grid, preds, threads);
        return policy.Select(data.Grid, preds, size, data.Seed, round);
    }

    /// <summary>Test metrics of the model's current state.</summary>
    public static Metrics Evaluate(IStructureModel model, PatternSet test, int threads)
    {
        var preds = new Prediction[test.Count];
        model.Predict(test, preds, threads);
        return Metrics.Evaluate(test, preds);
    }

    /// <summary>Simulated patterns paid for: training + validation (+ the study grid for scoring arms).</summary>
    public static int Simulated(ExperimentData data, int trainCount, bool scoresGrid) =>
        trainCount + data.Validation.Count + (scoresGrid ? data.Grid.Count : 0);
}
