namespace HpcKit.Diffraction.ActiveLearning;

/// <summary>A checkpoint in memory: parameter values, optimizer state tensors (in their fixed order) and the Adam step count.</summary>
public sealed record ModelState(float[][] Parameters, float[][] Optimizer, long Steps);
