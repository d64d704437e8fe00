using HpcKit.Diffraction.Instruments;

namespace HpcKit.Diffraction.Profiles;

/// <summary>
/// The TOF profile of one reflection with its d-dependent widths and the Thompson–Cox–Hastings mixing computed once,
/// so evaluating many Δ costs only the profile itself.
/// </summary>
public readonly struct PeakShape
{
    private readonly double _alpha, _beta, _sigma2, _fwhm, _eta;

    /// <summary>Widths of a reflection at d on <paramref name="inst"/>.</summary>
    public PeakShape(TofInstrument inst, double d, TofProfileMode mode)
    {
        _alpha = inst.AlphaAt(d);
        _beta = inst.BetaAt(d);
        double s2 = inst.Sigma2At(d), g = inst.TotalGammaAt(d, mode);
        if (g > 0)
        {
            var (fwhm, eta) = BackToBackPseudoVoigt.Mix(s2, g);
            _fwhm = fwhm;
            _eta = eta;
            _sigma2 = fwhm * fwhm / (8 * Math.Log(2));
        }
        else
        {
            _sigma2 = s2;
        }
    }

    /// <summary>Unit-area profile value (µs⁻¹) at Δ = t − t_hkl (E(z) to ≤ 1e-10).</summary>
    public double Evaluate(double delta) => Evaluate(delta, 40);

    /// <summary>Profile value with a cheaper E(z) (asymptotic from |z| &gt; 20, ~1e-8 absolute): for float tables.</summary>
    public double EvaluateForTable(double delta) => Evaluate(delta, 20);

    private double Evaluate(double delta, double seriesLimit)
    {
        double hg = BackToBackGaussian.Evaluate(delta, _alpha, _beta, _sigma2);
        return _eta == 0 ? hg : (1 - _eta) * hg + _eta * BackToBackPseudoVoigt.Lorentzian(delta, _alpha, _beta, _fwhm, seriesLimit);
    }
}
