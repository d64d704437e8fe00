using HpcKit.Core;

namespace HpcKit.Diffraction.ActiveLearning;

/// <summary>
/// Widths of the published "FullModel" CNN (spec §4): conv channels, dense width. Compact (8, 16, 64; 359 479
/// parameters at 2806 bins) is the default; Paper (16, 32, 256; 2 871 399) is the published size.
/// </summary>
public sealed record CnnSize(string Name, int Conv1Channels, int Conv2Channels, int Hidden)
{
    public static CnnSize Compact { get; } = new("compact", 8, 16, 64);

    public static CnnSize Paper { get; } = new("paper", 16, 32, 256);

    /// <summary>By name ("compact" or "paper").</summary>
    public static CnnSize Named(string name) => name.ToLowerInvariant() switch
    {
        "compact" => Compact,
        "paper" => Paper,
        _ => throw new HpcKitUsageException($"unknown model size '{name}' (expected compact or paper)"),
    };

    /// <summary>Length after conv k3 s1, pool 2, conv k4 s2, pool 2: 2806 → 350.</summary>
    public static int FeatureLength(int width)
    {
        int l = (width - 3 + 1) / 2;
        l = (l - 4) / 2 + 1;
        return l / 2;
    }
}
