namespace HpcKit.LightFront.Eigen;

/// <summary>An extrapolated value, its uncertainty, the last fitted exponent and a description of the fit.</summary>
public readonly record struct ExtrapolationResult(double Value, double Uncertainty, double Exponent, string Fit);
