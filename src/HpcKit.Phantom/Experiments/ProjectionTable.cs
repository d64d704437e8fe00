using HpcKit.Phantom.Model;
using HpcKit.Phantom.Projection;

namespace HpcKit.Phantom.Experiments;

/// <summary>One E5 row: kind is always "projection".</summary>
public sealed record ProjectionRow(string Kind, string Preset, int Ranks, int Width, int Ghosts, StepCost Tp, StepCost Pp, double TimeRatio, double EnergyRatio,
    double EnergyRatioToTarget);

/// <summary>
/// E5: per-step time and energy of TP(n, p) and PP(n, p, k) from the closed-form counts (validated by the count tests),
/// γ per shape class calibrated on this host, and α, β, power from a named preset, for every p dividing n. When a
/// steps ratio N_PP(ℓ*)/N_TP(ℓ*) is supplied (e.g. measured by `compare`), the energy-to-target ratio is that
/// ratio times the per-step ratio; otherwise it equals the per-step ratio. Every row is labelled "projection".
/// </summary>
public static class ProjectionTable
{
    public static IReadOnlyList<ProjectionRow> Build(NetworkConfig shape, IEnumerable<int> ranks, IReadOnlyList<int> ghosts, CostPreset preset,
        StepCostModel.Gamma gamma, double stepsRatio = 1)
    {
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(ranks);
        ArgumentNullException.ThrowIfNull(ghosts);
        var rows = new List<ProjectionRow>();
        foreach (int p in ranks)
        {
            if (shape.Width % p != 0) continue;
            var tp = StepCostModel.Step(shape with { Mode = ParallelMode.Tensor, Ranks = p }, preset, gamma);
            foreach (int k in ghosts)
            {
                if (k > shape.Width / p) continue;
                var pp = StepCostModel.Step(shape with { Mode = ParallelMode.Phantom, Ranks = p, Ghosts = k }, preset, gamma);
                rows.Add(new ProjectionRow("projection", preset.Name, p, shape.Width, k, tp, pp, pp.StepSeconds / tp.StepSeconds, pp.Joules / tp.Joules,
                    stepsRatio * pp.Joules / tp.Joules));
            }
        }
        return rows;
    }

    /// <summary>Parses "2..256" (powers of two) or a comma list.</summary>
    public static IReadOnlyList<int> ParseRanks(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int dots = text.IndexOf("..", StringComparison.Ordinal);
        if (dots < 0) return ParseList(text, "--ranks");
        int lo = ParseInt(text[..dots], "--ranks"), hi = ParseInt(text[(dots + 2)..], "--ranks");
        if (lo < 1 || hi < lo) throw new Core.HpcKitUsageException($"--ranks range '{text}' must be lo..hi with 1 ≤ lo ≤ hi");
        var v = new List<int>();
        for (long p = lo; p <= hi; p *= 2) v.Add((int)p);
        return v;
    }

    /// <summary>Parses a comma-separated list of positive integers.</summary>
    public static IReadOnlyList<int> ParseList(string text, string option)
    {
        ArgumentNullException.ThrowIfNull(text);
        var v = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => ParseInt(s, option)).ToList();
        if (v.Count == 0) throw new Core.HpcKitUsageException($"{option} needs at least one value");
        return v;
    }

    private static int ParseInt(string s, string option) =>
        int.TryParse(s, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out int x) && x >= 1
            ? x
            : throw new Core.HpcKitUsageException($"{option}: '{s}' is not a positive integer");
}
