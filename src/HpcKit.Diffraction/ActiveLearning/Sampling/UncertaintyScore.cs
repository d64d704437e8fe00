namespace HpcKit.Diffraction.ActiveLearning;

/// <summary>
/// The published acquisition weight (spec §5): w = λ·σ²/Σσ² + (1 − λ)·H/ΣH over the scored set, with σ² = e^s
/// from the regression head and H the entropy of the class softmax, probabilities ≤ 0 replaced by the smallest
/// positive probability in the set. λ = 0.5 is the published mix; 1 and 0 are the variance-only and
/// entropy-only ablations. Degenerate sums (0 or not finite) fall back to the other term, then to uniform.
/// </summary>
public static class UncertaintyScore
{
    /// <summary>Writes the weights into <paramref name="weights"/> (same length as predictions); they sum to 1.</summary>
    public static ScoreDiagnostics Compute(ReadOnlySpan<Prediction> predictions, Span<double> weights, double varianceShare = 0.5)
    {
        int n = predictions.Length;
        if (weights.Length != n) throw new ArgumentException("weights must match predictions in length", nameof(weights));
        if (n == 0) throw new ArgumentException("nothing to score", nameof(predictions));
        if (varianceShare is < 0 or > 1 || double.IsNaN(varianceShare)) throw new ArgumentOutOfRangeException(nameof(varianceShare));

        // Smallest positive probability over the whole set (the published clamp for p ≤ 0).
        Span<double> p = stackalloc double[3];
        double minPositive = double.MaxValue;
        for (int i = 0; i < n; i++)
        {
            predictions[i].Probabilities(p);
            for (int c = 0; c < 3; c++) if (p[c] > 0 && p[c] < minPositive) minPositive = p[c];
        }

        var variance = new double[n];
        var entropy = new double[n];
        double sv = 0, sh = 0;
        int clamped = 0;
        for (int i = 0; i < n; i++)
        {
            variance[i] = Math.Exp(predictions[i].LogVariance);
            sv += variance[i];
            predictions[i].Probabilities(p);
            double h = 0;
            for (int c = 0; c < 3; c++)
            {
                double q = p[c];
                if (!(q > 0)) { q = minPositive; clamped++; }
                h -= q * Math.Log(q);
            }
            entropy[i] = h;
            sh += h;
        }

        bool vOk = sv > 0 && double.IsFinite(sv);
        bool hOk = sh > 0 && double.IsFinite(sh);
        string fallback = "none";
        double lam = varianceShare;
        if (!vOk && !hOk) fallback = "uniform (both sums degenerate)";
        else if (!vOk && lam > 0) { fallback = "entropy only (variance sum degenerate)"; lam = 0; }
        else if (!hOk && lam < 1) { fallback = "variance only (entropy sum degenerate)"; lam = 1; }

        if (!vOk && !hOk)
        {
            weights.Fill(1.0 / n);
        }
        else
        {
            double total = 0;
            for (int i = 0; i < n; i++)
            {
                double w = (lam > 0 ? lam * variance[i] / sv : 0) + (lam < 1 ? (1 - lam) * entropy[i] / sh : 0);
                weights[i] = w;
                total += w;
            }
            // Remove the last rounding so Σw = 1 to machine precision.
            for (int i = 0; i < n; i++) weights[i] /= total;
        }
        return new ScoreDiagnostics(sv, sh, fallback, clamped);
    }
}
