namespace HpcKit.Diffraction.ActiveLearning;

/// <summary>
/// One forward pass of the multitask network for one pattern: three class logits (trigonal, tetragonal,
/// cubic), normalised regression outputs (a′, c′, α′) and the shared log-variance s = log σ².
/// </summary>
public readonly record struct Prediction(float Logit0, float Logit1, float Logit2, float A, float C, float Alpha, float LogVariance)
{
    /// <summary>Softmax class probabilities in double (max-shifted).</summary>
    public void Probabilities(Span<double> p)
    {
        double m = Math.Max(Logit0, Math.Max(Logit1, Logit2));
        double e0 = Math.Exp(Logit0 - m), e1 = Math.Exp(Logit1 - m), e2 = Math.Exp(Logit2 - m);
        double s = e0 + e1 + e2;
        p[0] = e0 / s;
        p[1] = e1 / s;
        p[2] = e2 / s;
    }

    /// <summary>The arg-max class.</summary>
    public CrystalClass PredictedClass =>
        Logit0 >= Logit1 && Logit0 >= Logit2 ? CrystalClass.Trigonal : Logit1 >= Logit2 ? CrystalClass.Tetragonal : CrystalClass.Cubic;
}
