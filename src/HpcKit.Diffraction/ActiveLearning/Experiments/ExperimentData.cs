namespace HpcKit.Diffraction.ActiveLearning;

/// <summary>The simulated sets every arm of one seed shares: base, validation, test, and the study grid (simulated once, only scored).</summary>
public sealed class ExperimentData
{
    /// <summary>Simulates base, validation and test from uniform draws of (seed, stream), and the grid when asked.</summary>
    public static ExperimentData Prepare(AlPreset preset, IPatternSimulator simulator, ulong seed, int threads, bool simulateGrid, Action<int>? progress = null)
    {
        var d = new ExperimentData
        {
            Preset = preset,
            Seed = seed,
            Base = PatternSimulation.Run(simulator, ParameterSpace.UniformSet(preset.BasePerClass, seed, StreamIds.BaseSet), threads, 0, default, progress),
            Validation = PatternSimulation.Run(simulator, ParameterSpace.UniformSet(preset.ValidationPerClass, seed, StreamIds.ValidationSet), threads, 0, default, progress),
            Test = PatternSimulation.Run(simulator, ParameterSpace.UniformSet(preset.TestPerClass, seed, StreamIds.TestSet), threads, 0, default, progress),
            Grid = StudyGrid.Build(preset.StudyPerClass),
        };
        if (simulateGrid) d.GridPatterns = PatternSimulation.Run(simulator, d.Grid.Points, threads, 0, default, progress);
        return d;
    }

    /// <summary>Assembles already simulated sets (the workflow simulates them as timed stages).</summary>
    public sealed record Builder(AlPreset Preset, ulong Seed, PatternSet Base, PatternSet Validation, PatternSet Test, StudyGrid Grid)
    {
        public ExperimentData Build() => new() { Preset = Preset, Seed = Seed, Base = Base, Validation = Validation, Test = Test, Grid = Grid };
    }

    public AlPreset Preset { get; private init; } = AlPreset.Tiny;

    public ulong Seed { get; private init; }

    public PatternSet Base { get; private init; } = null!;

    public PatternSet Validation { get; private init; } = null!;

    public PatternSet Test { get; private init; } = null!;

    public StudyGrid Grid { get; private init; } = null!;

    /// <summary>Simulated grid, or null when no arm scores it.</summary>
    public PatternSet? GridPatterns { get; set; }
}
