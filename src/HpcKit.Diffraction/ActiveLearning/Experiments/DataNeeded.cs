namespace HpcKit.Diffraction.ActiveLearning;

/// <summary>
/// Training data random-scratch needs to match an AL phase's mean error (spec §8): the scratch curve (N, error)
/// is interpolated linearly in log–log space; outside its range the answer is a bound (below 1× or beyond the
/// largest multiple, extrapolated from the last segment and flagged). Saving = 1 − N_AL/N_random.
/// </summary>
public sealed record DataNeeded(int Phase, double AlPatterns, double AlError, double RandomPatterns, double Saving, string Note)
{
    /// <summary>One row per AL phase, for the metric chosen by <paramref name="error"/> (lower is better).</summary>
    public static List<DataNeeded> Of(IReadOnlyList<CurveSummary> summary, Func<CurveSummary, double> error)
    {
        var scratch = summary.Where(s => s.Arm.StartsWith("scratch-", StringComparison.Ordinal)).OrderBy(s => s.TrainPatterns).ToList();
        var rows = new List<DataNeeded>();
        if (scratch.Count < 2) return rows;
        foreach (var al in summary.Where(s => s.Arm == ComparisonExperiment.Al).OrderBy(s => s.Phase))
        {
            double e = error(al);
            double n = double.NaN;
            string note = "interpolated";
            for (int i = 0; i + 1 < scratch.Count; i++)
            {
                double e0 = error(scratch[i]), e1 = error(scratch[i + 1]);
                if ((e <= e0 && e >= e1) || (e >= e0 && e <= e1))
                {
                    n = LogInterp(scratch[i].TrainPatterns, e0, scratch[i + 1].TrainPatterns, e1, e);
                    break;
                }
            }
            if (double.IsNaN(n))
            {
                var last = scratch[^1];
                if (e < error(last))
                {
                    var prev = scratch[^2];
                    n = LogInterp(prev.TrainPatterns, error(prev), last.TrainPatterns, error(last), e);
                    note = double.IsFinite(n) && n > last.TrainPatterns ? $"extrapolated beyond {last.Arm}" : $"better than {last.Arm}; scratch curve flat";
                    if (!(double.IsFinite(n) && n > last.TrainPatterns)) n = last.TrainPatterns;
                }
                else
                {
                    n = scratch[0].TrainPatterns;
                    note = $"worse than {scratch[0].Arm}";
                }
            }
            rows.Add(new DataNeeded(al.Phase, al.TrainPatterns, e, n, 1 - al.TrainPatterns / n, note));
        }
        return rows;
    }

    private static double LogInterp(double n0, double e0, double n1, double e1, double e)
    {
        if (!(e0 > 0 && e1 > 0 && e > 0) || e0 == e1) return n0;
        double t = (Math.Log(e) - Math.Log(e0)) / (Math.Log(e1) - Math.Log(e0));
        return Math.Exp(Math.Log(n0) + t * (Math.Log(n1) - Math.Log(n0)));
    }
}
