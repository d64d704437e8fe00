namespace HpcKit.Diffraction.Instruments;

/// <summary>
/// Constant-wavelength neutron instrument: 2θ = 2·asin(λ/2d) + Zero (degrees); Gaussian σ² = U·tan²θ + V·tanθ + W
/// and Lorentzian FWHM γ = X/cosθ + Y·tanθ in degrees (deg²) — <c>.instprm</c> centidegrees are converted on reading.
/// </summary>
public sealed record CwInstrument
{
    public double Lambda { get; init; } = 1.54184;
    public double Zero { get; init; }
    public double U { get; init; } = 2e-4;
    public double V { get; init; } = -2e-4;
    public double W { get; init; } = 5e-4;
    public double X { get; init; }
    public double Y { get; init; }
    public double TwoThetaMin { get; init; } = 5;
    public double TwoThetaMax { get; init; } = 150;
    public double Step { get; init; } = 0.01;

    /// <summary>2θ (degrees) of d, or NaN beyond the limiting sphere.</summary>
    public double TwoThetaFromD(double d)
    {
        double s = Lambda / (2 * d);
        return s > 1 ? double.NaN : 2 * Math.Asin(s) * 180 / Math.PI + Zero;
    }

    public double Sigma2At(double twoTheta)
    {
        double t = Math.Tan(twoTheta * Math.PI / 360);
        return U * t * t + V * t + W;
    }

    public double GammaAt(double twoTheta)
    {
        double th = twoTheta * Math.PI / 360;
        return X / Math.Cos(th) + Y * Math.Tan(th);
    }
}
