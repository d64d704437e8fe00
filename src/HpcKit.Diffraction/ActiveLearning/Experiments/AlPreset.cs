using HpcKit.Core;

namespace HpcKit.Diffraction.ActiveLearning;

/// <summary>
/// Sizes of one experiment (spec §3): patterns per class in the base, validation, test and study sets, the AL
/// batch M over all classes, rounds, epochs per phase (the last entry repeats), mini-batch size and model size.
/// </summary>
public sealed record AlPreset(string Name, int BasePerClass, int ValidationPerClass, int TestPerClass, int StudyPerClass,
    int BatchM, int Rounds, int[] Epochs, int MiniBatch, string Model)
{
    /// <summary>The paper's sizes (hours on 2 cores; offered, not run here).</summary>
    public static AlPreset Paper { get; } = new("paper", 4500, 4500, 4500, 4500, 13500, 3, [400, 300, 250, 200], 2048, "paper");

    /// <summary>The spec's default: M = 3N, ~7 optimiser steps per epoch.</summary>
    public static AlPreset Small { get; } = new("small", 300, 300, 1000, 300, 900, 3, [100, 75, 60, 50], 128, "compact");

    /// <summary>What the measurements in docs/active-learning.md ran at on a shared 2-core machine: Small's ratios, fewer epochs.</summary>
    public static AlPreset Quick { get; } = new("quick", 100, 100, 300, 100, 300, 3, [30, 22, 18, 15], 32, "compact");

    /// <summary>The workflow measurement size here: small sets so the general-path simulator finishes in minutes.</summary>
    public static AlPreset Workflow { get; } = new("workflow", 40, 40, 100, 36, 120, 3, [20, 15, 12, 10], 32, "compact");

    /// <summary>CI smoke size.</summary>
    public static AlPreset Tiny { get; } = new("tiny", 20, 20, 20, 25, 60, 1, [3, 2], 32, "compact");

    /// <summary>Epochs of phase k.</summary>
    public int EpochsOf(int phase) => Epochs[Math.Min(phase, Epochs.Length - 1)];

    /// <summary>Looks a preset up by name.</summary>
    public static AlPreset Named(string name) => name.ToLowerInvariant() switch
    {
        "paper" => Paper,
        "small" => Small,
        "quick" => Quick,
        "tiny" => Tiny,
        "workflow" => Workflow,
        _ => throw new HpcKitUsageException($"unknown preset '{name}' (expected tiny, workflow, quick, small or paper)"),
    };

    /// <summary>Checks the sizes; throws a usage error naming the bad one.</summary>
    public AlPreset Validate()
    {
        if (BasePerClass < 1 || ValidationPerClass < 1 || TestPerClass < 1) throw new HpcKitUsageException("base, validation and test sizes must be positive");
        if (StudyPerClass < 4) throw new HpcKitUsageException("study grid needs at least 4 points per class");
        if (BatchM < 0) throw new HpcKitUsageException("AL batch must not be negative");
        if (Rounds < 0) throw new HpcKitUsageException("--rounds must not be negative");
        if (Epochs.Length == 0 || Epochs.Any(e => e < 1)) throw new HpcKitUsageException("epochs must be positive");
        if (MiniBatch < 1) throw new HpcKitUsageException("mini-batch must be positive");
        return this;
    }
}
