using HpcKit.Core.Statistics;
namespace HpcKit.Diffraction.ActiveLearning;

/// <summary>Mean ± sd over seeds of one arm at one phase.</summary>
public sealed record CurveSummary(string Arm, int Phase, double TrainPatterns, double SimulatedPatterns, int Seeds,
    double NmseMean, double NmseSd, double AccuracyMean, double AccuracySd, double CrossEntropyMean, double[] MaeMean)
{
    /// <summary>Groups points by (arm, phase, training size) and summarises them.</summary>
    public static List<CurveSummary> Of(IEnumerable<SeededPoint> points)
    {
        var result = new List<CurveSummary>();
        foreach (var g in points.GroupBy(p => (p.Point.Arm, p.Point.Phase)).OrderBy(g => g.Key.Arm, StringComparer.Ordinal).ThenBy(g => g.Key.Phase))
        {
            var xs = g.Select(p => p.Point).ToArray();
            var (nm, nv) = StatTests.MeanVar(xs.Select(p => p.Test.NormalisedMse).ToArray());
            var (am, av) = StatTests.MeanVar(xs.Select(p => p.Test.Accuracy).ToArray());
            var mae = new[]
            {
                xs.Average(p => p.Test.CubicMaeA), xs.Average(p => p.Test.TrigonalMaeA), xs.Average(p => p.Test.TrigonalMaeAlpha),
                xs.Average(p => p.Test.TetragonalMaeA), xs.Average(p => p.Test.TetragonalMaeC),
            };
            result.Add(new CurveSummary(g.Key.Arm, g.Key.Phase, xs.Average(p => p.TrainPatterns), xs.Average(p => p.SimulatedPatterns), xs.Length,
                nm, Math.Sqrt(nv), am, Math.Sqrt(av), xs.Average(p => p.Test.CrossEntropy), mae));
        }
        return result;
    }
}
