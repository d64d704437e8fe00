using HpcKit.Diffraction.ActiveLearning;

namespace HpcKit.Diffraction.Tests.ActiveLearning;

public class ExperimentTests
{
    private static CurveSummary S(string arm, int phase, double n, double err) => new(arm, phase, n, n, 3, err, 0, 1 - err, 0, 0, [0, 0, 0, 0, 0]);

    [Fact]
    public void DataNeededInterpolatesTheScratchCurveInLogLogSpace()
    {
        // Scratch follows e = N^-1/2 exactly; AL matches 400 at phase 1, lies between 100 and 200 at phase 0, beats 800 at phase 2.
        var summary = new List<CurveSummary>
        {
            S("scratch-1x", 0, 100, 0.1), S("scratch-2x", 0, 200, 1 / Math.Sqrt(200)), S("scratch-4x", 0, 400, 0.05), S("scratch-8x", 0, 800, 1 / Math.Sqrt(800)),
            S("al", 0, 100, 1 / Math.Sqrt(150)), S("al", 1, 200, 0.05), S("al", 2, 300, 1 / Math.Sqrt(1600)), S("al", 3, 400, 0.2),
        };
        var d = DataNeeded.Of(summary, s => s.NmseMean);
        Assert.Equal(150, d[0].RandomPatterns, 9);
        Assert.Equal(400, d[1].RandomPatterns, 9);
        Assert.Equal(0.5, d[1].Saving, 12);
        Assert.Equal(1600, d[2].RandomPatterns, 6);
        Assert.StartsWith("extrapolated", d[2].Note);
        Assert.Equal(100, d[3].RandomPatterns);
        Assert.StartsWith("worse", d[3].Note);
    }

    [Fact]
    public void MetricsAreComputedInPhysicalUnits()
    {
        var set = new PatternSet(4);
        set.Add(CellPoint.Cubic(4.0), 0, [0, 1, 0, 0]);
        set.Add(CellPoint.Trigonal(3.8, 60), 1, [0, 1, 0, 0]);
        set.Add(CellPoint.Tetragonal(3.9, 4.1), 2, [0, 1, 0, 0]);
        Prediction[] preds =
        [
            new(0, 0, 5, 0.6f, 0.5f, 2f / 3, 0),       // cubic, a off by +0.1 Å
            new(5, 0, 0, 0.3f, 0.3f, 0.5f, 0),         // trigonal, α' 0.5 = 75° (true 60°)
            new(0, 0, 5, 0.4f, 0.6f, 2f / 3, 0),       // tetragonal predicted cubic
        ];
        var m = Metrics.Evaluate(set, preds);
        Assert.Equal(2.0 / 3, m.Accuracy, 12);
        Assert.Equal(0.1, m.CubicMaeA, 6);
        Assert.Equal(15, m.TrigonalMaeAlpha, 4);
        Assert.Equal(0.0, m.TetragonalMaeC, 6);
        Assert.Equal(1, m.Confusion[1, 2]);
        double e2 = 0.1 * 0.1 + (1.0 / 6) * (1.0 / 6); // cubic a′ off by 0.1; trigonal α′ off by 1/6
        Assert.Equal(e2 / 9, m.NormalisedMse, 6);
        Assert.Equal(1.0, m.MeanVariance, 12);
    }

    [Fact]
    public void EnrichmentOfUniformSamplesIsAboutOne()
    {
        var e = Enrichment.Of(ParameterSpace.UniformSet(20000, 77, 9));
        // 20 000 uniform draws per class: each factor within ±15% of 1 (≥ 4 binomial sd for shares ≥ 0.1).
        Assert.All(e, r => Assert.InRange(r.Factor, 0.85, 1.15));
    }

    [Fact]
    public void TinyActiveLearningRunOnThePrototypeSimulatorCompletes()
    {
        var preset = AlPreset.Tiny;
        var sim = PrototypePatternSimulator.Fast;
        var data = ExperimentData.Prepare(preset, sim, 3, 2, simulateGrid: true);
        var model = new StructureCnn(sim.Width, CnnSize.Compact, new CnnTrainingOptions(MiniBatch: preset.MiniBatch), 3);
        var p0 = ActiveLearningRun.TrainPhaseZero("al", model, data, 2, true);
        var rest = ActiveLearningRun.Continue("al", model, new UncertaintyPolicy(), sim, data, 2);
        Assert.Single(rest);
        Assert.Equal(60, p0.TrainPatterns);
        Assert.Equal(60 + rest[0].Batch!.Points.Length, rest[0].TrainPatterns);
        Assert.Equal(rest[0].TrainPatterns + 60 + data.Grid.Count, rest[0].SimulatedPatterns);
        Assert.Equal(p0.Training.BestValidationLoss, rest[0].Training.StartValidationLoss, 12);
    }
}
