namespace HpcKit.Diffraction.ActiveLearning;

/// <summary>What the scoring step did: the sums it normalised by and any fallback it had to take.</summary>
public sealed record ScoreDiagnostics(double VarianceSum, double EntropySum, string Fallback, int ClampedProbabilities);
