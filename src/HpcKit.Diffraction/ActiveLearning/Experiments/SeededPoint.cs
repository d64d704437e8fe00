namespace HpcKit.Diffraction.ActiveLearning;

/// <summary>A learning-curve point of one seed.</summary>
public sealed record SeededPoint(ulong Seed, PhasePoint Point);
