namespace HpcKit.Diffraction.ActiveLearning;

/// <summary>
/// Test-set metrics (spec §4): normalised MSE over all samples and the three outputs (the paper's "Avg diff"),
/// MAE per class in physical units (cubic a; trigonal a, α; tetragonal a, c), accuracy, cross-entropy,
/// the confusion matrix [true, predicted] and the mean predicted σ².
/// </summary>
public sealed record Metrics(double NormalisedMse, double Accuracy, double CrossEntropy, double CubicMaeA, double TrigonalMaeA,
    double TrigonalMaeAlpha, double TetragonalMaeA, double TetragonalMaeC, int[,] Confusion, double MeanVariance, int Count)
{
    /// <summary>Evaluates predictions against the points of <paramref name="set"/>.</summary>
    public static Metrics Evaluate(PatternSet set, ReadOnlySpan<Prediction> predictions)
    {
        int n = set.Count;
        if (predictions.Length != n) throw new ArgumentException("one prediction per pattern expected", nameof(predictions));
        if (n == 0) throw new ArgumentException("empty evaluation set", nameof(set));
        Span<float> y = stackalloc float[3];
        Span<double> p = stackalloc double[3];
        double mse = 0, ce = 0, var = 0;
        int correct = 0;
        var conf = new int[3, 3];
        var mae = new double[5];
        var cnt = new int[3];
        for (int i = 0; i < n; i++)
        {
            var pt = set.Point(i);
            var pr = predictions[i];
            pt.Targets(y);
            double d0 = pr.A - y[0], d1 = pr.C - y[1], d2 = pr.Alpha - y[2];
            mse += d0 * d0 + d1 * d1 + d2 * d2;
            pr.Probabilities(p);
            int t = (int)pt.Class;
            ce -= Math.Log(Math.Max(p[t], 1e-300));
            int k = (int)pr.PredictedClass;
            conf[t, k]++;
            if (k == t) correct++;
            var = var + Math.Exp(pr.LogVariance);
            var (a, c, al) = CellPoint.FromTargets(pr.A, pr.C, pr.Alpha);
            cnt[t]++;
            switch (pt.Class)
            {
                case CrystalClass.Cubic: mae[0] += Math.Abs(a - pt.A); break;
                case CrystalClass.Trigonal: mae[1] += Math.Abs(a - pt.A); mae[2] += Math.Abs(al - pt.Alpha); break;
                default: mae[3] += Math.Abs(a - pt.A); mae[4] += Math.Abs(c - pt.C); break;
            }
        }
        static double Div(double s, int c) => c > 0 ? s / c : double.NaN;
        return new Metrics(mse / (3.0 * n), (double)correct / n, ce / n,
            Div(mae[0], cnt[2]), Div(mae[1], cnt[0]), Div(mae[2], cnt[0]), Div(mae[3], cnt[1]), Div(mae[4], cnt[1]), conf, var / n, n);
    }
}
