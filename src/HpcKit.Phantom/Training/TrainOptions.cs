using HpcKit.Phantom.Model;

namespace HpcKit.Phantom.Training;

/// <summary>One training run (spec §8 protocol): network, task, budget, schedule, stopping and meter.</summary>
public sealed record TrainOptions
{
    /// <summary>The network; its InputDim/OutputDim are set from the task.</summary>
    public NetworkConfig Network { get; init; } = new();

    public TaskKind Task { get; init; } = TaskKind.Regression;

    /// <summary>Step budget S_max.</summary>
    public int Steps { get; init; } = 200;

    /// <summary>Adam learning rate after warm-up.</summary>
    public double LearningRate { get; init; } = 1e-3;

    /// <summary>Linear warm-up steps.</summary>
    public int WarmupSteps { get; init; } = 100;

    /// <summary>Validation every this many steps.</summary>
    public int EvalEvery { get; init; } = 25;

    public int ValidationSize { get; init; } = 4096;

    /// <summary>Data seed (batches and validation set); the model seed is Network.Seed.</summary>
    public ulong DataSeed { get; init; } = 1;

    /// <summary>Target validation loss ℓ*, or null.</summary>
    public double? TargetLoss { get; init; }

    /// <summary>Stop once N(ℓ*) is confirmed.</summary>
    public bool StopAtTarget { get; init; }

    /// <summary>"auto", "rapl", "nvml" or "model".</summary>
    public string Energy { get; init; } = "auto";

    /// <summary>Learning rate of step t (0-based): linear warm-up to <see cref="LearningRate"/>.</summary>
    public double LearningRateAt(int t) => WarmupSteps <= 0 ? LearningRate : LearningRate * Math.Min(1.0, (t + 1.0) / WarmupSteps);

    /// <summary>The network shaped for the task.</summary>
    public NetworkConfig ShapedNetwork() => Network with { InputDim = TeacherTask.InputDim, OutputDim = Task == TaskKind.Regression ? 4 : 10 };
}
