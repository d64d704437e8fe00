namespace HpcKit.Diffraction.ActiveLearning;

/// <summary>
/// Runs the AL pipeline as a timed workflow (spec §6).
/// Serial: SimBase → SimStudy → Train(0) → [Score(k−1) → Allocate(k) → SimAL(k) → Train(k)] for k = 1..R.
/// Streaming: SimBase; Train(0) ∥ SimStudy; for k &lt; R: Score, Allocate, split B_k by a seeded permutation,
/// SimAL(k) on the first ⌈f·|B_k|⌉ with all threads, then Train(k) ∥ SimStream(k) (the rest, through the
/// bounded channel), joined at the boundary; phase R simulates all of B_R first.
/// </summary>
public static class WorkflowRunner
{
    private const string Sim = "sim", Train = "train";

    /// <summary>Runs one workflow from scratch: simulation, training of a fresh model from <paramref name="modelFactory"/>, scoring.</summary>
    public static WorkflowResult Run(AlPreset preset, IPatternSimulator simulator, Func<ulong, IStructureModel> modelFactory, IAcquisitionPolicy policy,
        ulong seed, WorkflowOptions options, CancellationToken cancel = default, Action<string>? log = null)
    {
        options.Validate();
        preset.Validate();
        var tl = new StageTimeline();
        bool streaming = options.Mode == WorkflowMode.Streaming;
        int all = options.TotalThreads;
        int pt = streaming ? options.TrainThreads : all, ps = streaming ? options.SimThreads : all;
        var model = modelFactory(seed);
        var grid = StudyGrid.Build(preset.StudyPerClass);
        var batches = new List<AcquisitionBatch>();
        var simTimes = new double[preset.Rounds + 1];
        var trainTimes = new double[preset.Rounds + 1];

        // SimBase: base, validation and test, all threads.
        var (baseSet, val, test) = tl.Run("SimBase", 0, Sim, all, () => (
            PatternSimulation.Run(simulator, ParameterSpace.UniformSet(preset.BasePerClass, seed, StreamIds.BaseSet), all, 0, cancel),
            PatternSimulation.Run(simulator, ParameterSpace.UniformSet(preset.ValidationPerClass, seed, StreamIds.ValidationSet), all, 0, cancel),
            PatternSimulation.Run(simulator, ParameterSpace.UniformSet(preset.TestPerClass, seed, StreamIds.TestSet), all, 0, cancel)),
            r => r.Item1.Count + r.Item2.Count + r.Item3.Count);
        log?.Invoke($"SimBase done at {tl.Now:F1} s");
        var train = baseSet.Clone();

        // Phase 0 (+ the study grid when the policy scores it).
        PatternSet? gridSet = null;
        if (streaming)
        {
            var study = policy.NeedsScores
                ? Task.Factory.StartNew(() => tl.Run("SimStudy", 0, Sim, ps, () => PatternSimulation.Run(simulator, grid.Points, ps, 0, cancel), r => r.Count),
                    cancel, TaskCreationOptions.LongRunning, TaskScheduler.Default)
                : Task.FromResult<PatternSet>(null!);
            tl.Run("Train(0)", 0, Train, pt, () => model.TrainPhase(train, val, preset.EpochsOf(0), seed, 0, pt, cancel), _ => train.Count);
            gridSet = Wait(tl, study, 0);
        }
        else
        {
            if (policy.NeedsScores) gridSet = tl.Run("SimStudy", 0, Sim, all, () => PatternSimulation.Run(simulator, grid.Points, all, 0, cancel), r => r.Count);
            tl.Run("Train(0)", 0, Train, all, () => model.TrainPhase(train, val, preset.EpochsOf(0), seed, 0, all, cancel), _ => train.Count);
        }
        log?.Invoke($"Train(0) done at {tl.Now:F1} s");

        for (int k = 1; k <= preset.Rounds; k++)
        {
            cancel.ThrowIfCancellationRequested();
            int m = options.BatchSize(preset.BatchM, k, preset.Rounds);
            AcquisitionBatch batch;
            if (policy.NeedsScores)
            {
                var preds = tl.Run($"Score({k - 1})", k - 1, Train, all, () =>
                {
                    var p = new Prediction[gridSet!.Count];
                    model.Predict(gridSet, p, all);
                    return p;
                }, p => p.Length);
                batch = tl.Run($"Allocate({k})", k, Train, 1, () => policy.Select(grid, preds, m, seed, k), b => b.Points.Length);
            }
            else batch = tl.Run($"Allocate({k})", k, Train, 1, () => policy.Select(grid, [], m, seed, k), b => b.Points.Length);
            batches.Add(batch);

            CellPoint[] now = batch.Points, later = [];
            if (streaming && k < preset.Rounds) (now, later) = Split(batch.Points, options.StreamFraction, seed, k);
            long firstId = train.Count;
            var simNow = tl.Run($"SimAL({k})", k, Sim, all, () => PatternSimulation.Run(simulator, now, all, firstId, cancel), r => r.Count);
            simTimes[k] += tl.Records[^1].Duration;
            train.AddRange(simNow);
            StreamingSimulation? stream = null;
            Task? streamStage = null;
            if (later.Length > 0)
            {
                long laterId = firstId + now.Length;
                double t0 = tl.Now;
                stream = StreamingSimulation.Start(simulator, later, laterId, ps, options.Channel, cancel);
                streamStage = stream.Completion.ContinueWith(t =>
                {
                    tl.Add(new StageRecord($"SimStream({k})", k, Sim, ps, t0, tl.Now, t.IsCompletedSuccessfully ? t.Result.Count : 0, stream.ProducerBlockedSeconds, 0));
                }, TaskScheduler.Default);
            }
            var trainNow = train;
            var tr = tl.Run($"Train({k})", k, Train, streaming && stream != null ? pt : all,
                () => model.TrainPhase(trainNow, val, preset.EpochsOf(k), seed, k, streaming && stream != null ? pt : all, cancel), _ => trainNow.Count);
            trainTimes[k] = tl.Records.Where(r => r.Stage == $"Train({k})").Sum(r => r.Duration);
            log?.Invoke($"Train({k}) on {train.Count} patterns done at {tl.Now:F1} s");
            if (stream != null)
            {
                var streamed = Wait(tl, stream.Completion, k);
                streamStage!.Wait(cancel);
                simTimes[k] += tl.Records.Where(r => r.Stage == $"SimStream({k})").Sum(r => r.Duration);
                // Joins the training set at the phase boundary: trained on from phase k + 1.
                train.AddRange(streamed);
            }
        }
        trainTimes[0] = tl.Records.Where(r => r.Stage == "Train(0)").Sum(r => r.Duration);
        simTimes[0] = tl.Records.Where(r => r.Stage == "SimStudy").Sum(r => r.Duration);
        double makespan = tl.Makespan;
        var finalMetrics = ActiveLearningRun.Evaluate(model, test, all);
        var rho = new double[simTimes.Length];
        var bound = new double[simTimes.Length];
        for (int i = 0; i < rho.Length; i++)
        {
            rho[i] = trainTimes[i] > 0 ? simTimes[i] / trainTimes[i] : double.NaN;
            double sum = simTimes[i] + trainTimes[i];
            bound[i] = sum > 0 ? Math.Min(simTimes[i], trainTimes[i]) / sum : 0;
        }
        return new WorkflowResult(options, makespan, tl.Records, tl.Lanes(), finalMetrics, train.Count, rho, bound, tl.TextGantt(), batches);
    }

    /// <summary>Seeded random split of a batch: the first ⌈f·n⌉ of a permutation now, the rest streamed.</summary>
    public static (CellPoint[] Now, CellPoint[] Later) Split(CellPoint[] batch, double fraction, ulong seed, int round)
    {
        var perm = (CellPoint[])batch.Clone();
        var rng = new Core.Random.RandomStream(seed, StreamIds.StreamSplit(round));
        rng.Shuffle(perm.AsSpan());
        int now = (int)Math.Ceiling(fraction * perm.Length);
        return (perm[..now], perm[now..]);
    }

    private static T Wait<T>(StageTimeline tl, Task<T> task, int phase)
    {
        double t0 = tl.Now;
        bool waited = !task.IsCompleted;
        T result = task.GetAwaiter().GetResult();
        if (waited) tl.Add(new StageRecord($"Wait({phase})", phase, Train, 0, t0, tl.Now, 0, tl.Now - t0, 0));
        return result;
    }
}
