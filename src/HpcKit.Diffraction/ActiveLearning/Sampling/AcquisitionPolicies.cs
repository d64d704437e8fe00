using HpcKit.Core;

namespace HpcKit.Diffraction.ActiveLearning;

/// <summary>Looks a policy up by its command-line name.</summary>
public static class AcquisitionPolicies
{
    /// <summary>The names accepted by <see cref="Create"/>.</summary>
    public static IReadOnlyList<string> Names { get; } = ["uncertainty", "random", "variance", "entropy"];

    /// <summary>"uncertainty" (published 50/50), "random", and the ablations "variance" and "entropy".</summary>
    public static IAcquisitionPolicy Create(string name) => name.ToLowerInvariant() switch
    {
        "uncertainty" => new UncertaintyPolicy(),
        "random" => new RandomPolicy(),
        "variance" => new UncertaintyPolicy(varianceShare: 1.0),
        "entropy" => new UncertaintyPolicy(varianceShare: 0.0),
        _ => throw new HpcKitUsageException($"unknown policy '{name}' (expected one of: {string.Join(", ", Names)})"),
    };
}
