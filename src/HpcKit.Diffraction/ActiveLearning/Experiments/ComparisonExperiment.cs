namespace HpcKit.Diffraction.ActiveLearning;

/// <summary>
/// The learning-curve comparison of spec §8 for each seed: (a) AL over phases 0..R; (b) random-warm, branched
/// from the same phase-0 checkpoint, adding M uniform points per phase with the same epochs; (c) random-scratch
/// on uniform sets of 1×, 2×, 4×, 8× the base size (1× is the shared phase 0), trained from scratch with the
/// phase-0 epoch count.
/// </summary>
public static class ComparisonExperiment
{
    /// <summary>Scratch multiples of the base size.</summary>
    public static readonly int[] ScratchMultiples = [1, 2, 4, 8];

    /// <summary>Arm names.</summary>
    public const string Al = "al", RandomWarm = "random-warm";

    /// <summary>Name of the scratch arm at multiple m.</summary>
    public static string Scratch(int m) => $"scratch-{m}x";

    /// <summary>Runs every arm for every seed; <paramref name="onPoint"/> sees each point as it is made.</summary>
    public static List<SeededPoint> Run(AlPreset preset, IPatternSimulator simulator, Func<ulong, IStructureModel> modelFactory,
        IReadOnlyList<ulong> seeds, int threads, IReadOnlyList<int>? multiples = null, Action<SeededPoint>? onPoint = null, CancellationToken cancel = default)
    {
        multiples ??= ScratchMultiples;
        var all = new List<SeededPoint>();
        void Add(ulong s, PhasePoint p)
        {
            var sp = new SeededPoint(s, p);
            all.Add(sp);
            onPoint?.Invoke(sp);
        }
        foreach (ulong seed in seeds)
        {
            var data = ExperimentData.Prepare(preset, simulator, seed, threads, simulateGrid: true);
            var model = modelFactory(seed);
            var p0 = ActiveLearningRun.TrainPhaseZero(Al, model, data, threads, scoresGrid: true, cancel);
            Add(seed, p0);
            Add(seed, p0 with { Arm = RandomWarm, SimulatedPatterns = ActiveLearningRun.Simulated(data, p0.TrainPatterns, false) });
            Add(seed, p0 with { Arm = Scratch(1), SimulatedPatterns = ActiveLearningRun.Simulated(data, p0.TrainPatterns, false) });
            var warm = model.Clone();
            ActiveLearningRun.Continue(Al, model, new UncertaintyPolicy(), simulator, data, threads, p => Add(seed, p), cancel);
            ActiveLearningRun.Continue(RandomWarm, warm, new RandomPolicy(), simulator, data, threads, p => Add(seed, p), cancel);
            foreach (int m in multiples)
            {
                if (m == 1) continue;
                cancel.ThrowIfCancellationRequested();
                var set = PatternSimulation.Run(simulator, ParameterSpace.UniformSet(m * preset.BasePerClass, seed, StreamIds.Scratch(m)), threads, 0, cancel);
                var fresh = modelFactory(seed);
                var tr = fresh.TrainPhase(set, data.Validation, preset.EpochsOf(0), seed, 0, threads, cancel);
                Add(seed, new PhasePoint(Scratch(m), 0, set.Count, ActiveLearningRun.Simulated(data, set.Count, false),
                    ActiveLearningRun.Evaluate(fresh, data.Test, threads), tr, null));
            }
        }
        return all;
    }
}
