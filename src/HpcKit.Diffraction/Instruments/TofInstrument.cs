using HpcKit.Diffraction.Profiles;

namespace HpcKit.Diffraction.Instruments;

/// <summary>
/// A TOF bank in GSAS-II conventions: t(d) = Zero + difC·d + difA·d² + difB/d (µs); widths α(d) = α/d,
/// β(d) = β0 + β1/d⁴ + βq/d², σ²(d) = σ0 + σ1·d² + σ2·d⁴ + σq·d (µs²), γ(d) = Z + X·d + Y·d² (µs, Lorentzian FWHM).
/// </summary>
public sealed record TofInstrument
{
    public double DifC { get; init; } = 9496.17;
    public double DifA { get; init; } = 19.21;
    public double DifB { get; init; }
    public double Zero { get; init; } = 4.840;
    /// <summary>Bank angle 2θ in degrees.</summary>
    public double TwoTheta { get; init; } = 122.0;
    public double FlightPath { get; init; } = 21.50;
    public double Alpha { get; init; } = 0.167;
    public double Beta0 { get; init; } = 0.274811;
    public double Beta1 { get; init; } = 1e-5;
    public double BetaQ { get; init; }
    public double Sig0 { get; init; }
    public double Sig1 { get; init; } = 284.918;
    public double Sig2 { get; init; } = 119.951;
    public double SigQ { get; init; }
    public double X { get; init; }
    public double Y { get; init; }
    public double Z { get; init; }

    /// <summary>SNS NOMAD bank 4 (spec §2.8), the default.</summary>
    public static TofInstrument NomadBank4 { get; } = new();

    /// <summary>TOF (µs) of d (Å).</summary>
    public double TofFromD(double d) => Zero + DifC * d + DifA * d * d + (DifB != 0 ? DifB / d : 0);

    /// <summary>d (Å) of TOF (µs): stable closed form when difB = 0, then Newton refinement when difB ≠ 0.</summary>
    public double DFromTof(double t)
    {
        double x = t - Zero;
        double disc = DifC * DifC + 4 * DifA * x;
        double d = disc > 0 ? 2 * x / (DifC + Math.Sqrt(disc)) : x / DifC;
        if (DifB == 0) return d;
        for (int i = 0; i < 20; i++)
        {
            double f = TofFromD(d) - t;
            double fp = DifC + 2 * DifA * d - DifB / (d * d);
            double step = f / fp;
            d -= step;
            if (Math.Abs(step) <= 1e-14 * Math.Abs(d)) break;
        }
        return d;
    }

    public double AlphaAt(double d) => Alpha / d;
    public double BetaAt(double d) => Beta0 + Beta1 / (d * d * d * d) + BetaQ / (d * d);
    public double Sigma2At(double d) => Sig0 + Sig1 * d * d + Sig2 * d * d * d * d + SigQ * d;
    public double GammaAt(double d) => Z + X * d + Y * d * d;

    /// <summary>Lorentzian FWHM (µs) at d: instrument γ(d) plus, in <see cref="TofProfileMode.Gsas2Default"/>, GSAS-II's
    /// default sample broadening μ_S·1e-4·difC·d²/Size + μ_M·1e-6·difC·d·Mustrain with Size 1 µm, Mustrain 1000, μ = 1.</summary>
    public double TotalGammaAt(double d, TofProfileMode mode) =>
        GammaAt(d) + (mode == TofProfileMode.Gsas2Default ? 1e-4 * DifC * d * d + 1e-3 * DifC * d : 0);

    /// <summary>Unit-area profile at Δ = t − t_hkl (µs) for a reflection at d.</summary>
    public double Profile(double delta, double d, TofProfileMode mode) => new PeakShape(this, d, mode).Evaluate(delta);

    /// <summary>sin θ_bank, the TOF Lorentz factor's angular part (L = sin θ·d⁴).</summary>
    public double SinThetaBank => Math.Sin(TwoTheta * Math.PI / 360);
}
