using System.Globalization;
using HpcKit.Core.Reporting;
using HpcKit.Diffraction.ActiveLearning;

namespace HpcKit.Cli.Modules.ActiveLearning;

/// <summary>CSV tables and SVG plots of learning curves and AL sample locations.</summary>
internal static class AlPlots
{
    public static CsvTable CurveTable(IEnumerable<SeededPoint> points)
    {
        var t = new CsvTable("arm", "seed", "phase", "train_patterns", "simulated_patterns", "nmse", "accuracy", "cross_entropy",
            "mae_cubic_a", "mae_trig_a", "mae_trig_alpha", "mae_tet_a", "mae_tet_c", "mean_variance", "best_epoch", "val_loss",
            "start_val_loss", "steps", "train_s", "batch_requested", "batch_accepted", "batch_rejected", "share_trig", "share_tet", "share_cubic", "score_fallback");
        foreach (var sp in points)
        {
            var p = sp.Point;
            var m = p.Test;
            var cc = p.Batch?.ClassCounts() ?? [0, 0, 0];
            double n = Math.Max(1, cc.Sum());
            t.Add(p.Arm, sp.Seed, p.Phase, p.TrainPatterns, p.SimulatedPatterns, m.NormalisedMse, m.Accuracy, m.CrossEntropy,
                m.CubicMaeA, m.TrigonalMaeA, m.TrigonalMaeAlpha, m.TetragonalMaeA, m.TetragonalMaeC, m.MeanVariance,
                p.Training.BestEpoch, p.Training.BestValidationLoss, p.Training.StartValidationLoss, p.Training.Steps, p.Training.Seconds,
                p.Batch?.Requested ?? 0, p.Batch?.Points.Length ?? 0, p.Batch?.Rejected ?? 0, cc[0] / n, cc[1] / n, cc[2] / n, p.Batch?.Scores?.Fallback ?? "");
        }
        return t;
    }

    public static CsvTable SummaryTable(IEnumerable<CurveSummary> summary)
    {
        var t = new CsvTable("arm", "phase", "train_patterns", "simulated_patterns", "seeds", "nmse_mean", "nmse_sd", "accuracy_mean", "accuracy_sd",
            "cross_entropy_mean", "mae_cubic_a", "mae_trig_a", "mae_trig_alpha", "mae_tet_a", "mae_tet_c");
        foreach (var s in summary)
            t.Add(s.Arm, s.Phase, s.TrainPatterns, s.SimulatedPatterns, s.Seeds, s.NmseMean, s.NmseSd, s.AccuracyMean, s.AccuracySd,
                s.CrossEntropyMean, s.MaeMean[0], s.MaeMean[1], s.MaeMean[2], s.MaeMean[3], s.MaeMean[4]);
        return t;
    }

    /// <summary>Mean ± sd learning curves, one series per arm (scratch arms joined into one curve).</summary>
    public static SvgPlot Curves(IReadOnlyList<CurveSummary> summary, string title, bool simulatedAxis, bool accuracy)
    {
        var plot = new SvgPlot(title, simulatedAxis ? "simulated patterns (incl. validation and study grid)" : "training patterns",
            accuracy ? "test accuracy" : "test normalised MSE") { LogX = true, LogY = !accuracy };
        foreach (var g in summary.GroupBy(s => s.Arm.StartsWith("scratch-", StringComparison.Ordinal) ? "random-scratch" : s.Arm))
        {
            var xs = g.OrderBy(s => s.TrainPatterns).ToArray();
            plot.LineMarkers(g.Key,
                xs.Select(s => simulatedAxis ? s.SimulatedPatterns : s.TrainPatterns).ToArray(),
                xs.Select(s => accuracy ? s.AccuracyMean : s.NmseMean).ToArray(),
                xs.Select(s => accuracy ? s.AccuracySd : s.NmseSd).ToArray());
        }
        return plot;
    }

    /// <summary>Scatter of AL samples per round: trigonal (a, α) or tetragonal (a, c).</summary>
    public static SvgPlot Where(IEnumerable<AcquisitionBatch> batches, CrystalClass cls)
    {
        bool trig = cls == CrystalClass.Trigonal;
        var plot = new SvgPlot(trig ? "AL samples, trigonal: (a, α)" : "AL samples, tetragonal: (a, c)", "a (Å)", trig ? "α (°)" : "c (Å)")
        {
            XMin = ParameterSpace.AMin, XMax = ParameterSpace.AMax,
            YMin = trig ? ParameterSpace.AlphaMin : ParameterSpace.CMin, YMax = trig ? ParameterSpace.AlphaMax : ParameterSpace.CMax,
        };
        foreach (var b in batches)
        {
            var pts = b.Points.Where(p => p.Class == cls).ToArray();
            if (pts.Length == 0) continue;
            plot.Scatter(string.Create(CultureInfo.InvariantCulture, $"round {b.Round} ({pts.Length})"),
                pts.Select(p => p.A).ToArray(), pts.Select(p => trig ? p.Alpha : p.C).ToArray());
        }
        return plot;
    }

    /// <summary>Histogram of cubic AL samples in a (20 bins) as bars.</summary>
    public static SvgPlot CubicHistogram(IEnumerable<AcquisitionBatch> batches)
    {
        var counts = new double[20];
        foreach (var p in batches.SelectMany(b => b.Points).Where(p => p.Class == CrystalClass.Cubic))
            counts[Math.Clamp((int)((p.A - ParameterSpace.CubicAMin) / 3.0 * 20), 0, 19)]++;
        var labels = Enumerable.Range(0, 20).Select(i => (2.5 + 0.15 * i + 0.075).ToString("F2", CultureInfo.InvariantCulture)).ToArray();
        return new SvgPlot("AL samples, cubic: a", "a (Å), bin centre", "samples").Bars("cubic", labels, counts);
    }
}
