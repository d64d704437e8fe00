using HpcKit.Diffraction.Crystal;
using HpcKit.Diffraction.Instruments;
using HpcKit.Diffraction.Scattering;

namespace HpcKit.Diffraction.Simulation;

/// <summary>
/// Constant-wavelength patterns in 2θ: 2θ = 2·asin(λ/2d) + Zero, I = S·V⁻¹·ΣF²·L_CW with L_CW = 1/(sin²θ·cosθ)
/// (unpolarised neutrons: no polarisation factor — pymatgen's convention; GSAS-II uses half of it), and a
/// pseudo-Voigt (Thompson–Cox–Hastings) profile on a uniform 2θ grid. No axial divergence asymmetry.
/// </summary>
public static class CwSimulator
{
    /// <summary>Sticks with 2θ in the instrument's range, by increasing 2θ.</summary>
    public static List<CwStick> Sticks(CrystalStructure s, CwInstrument inst, bool debyeWaller = true, double scale = 1000.0)
    {
        double thMax = Math.Min(180, inst.TwoThetaMax - inst.Zero) * Math.PI / 360;
        double thMin = Math.Max(0, inst.TwoThetaMin - inst.Zero) * Math.PI / 360;
        double dMin = inst.Lambda / (2 * Math.Sin(thMax));
        double dMax = thMin > 0 ? inst.Lambda / (2 * Math.Sin(thMin)) : double.MaxValue;
        var refl = ReflectionList.Generate(s, dMin * (1 - 1e-12), dMax * (1 + 1e-12), debyeWaller);
        var sticks = new List<CwStick>(refl.Count);
        double invV = 1 / s.Cell.Volume;
        for (int i = refl.Count - 1; i >= 0; i--)
        {
            var r = refl[i];
            double tt = inst.TwoThetaFromD(r.D);
            if (double.IsNaN(tt) || tt < inst.TwoThetaMin || tt > inst.TwoThetaMax) continue;
            double th = (tt - inst.Zero) * Math.PI / 360;
            double sn = Math.Sin(th);
            double lcw = 1 / (sn * sn * Math.Cos(th));
            sticks.Add(new CwStick(r.D, tt, r.Multiplicity, r.SumF2, scale * invV * r.SumF2 * lcw, r.H, r.K, r.L));
        }
        sticks.Sort((a, b) => a.TwoTheta.CompareTo(b.TwoTheta));
        return sticks;
    }

    /// <summary>A pattern on the uniform grid 2θ_min, +step, … ≤ 2θ_max, pseudo-Voigt peaks (±20 FWHM).</summary>
    public static (double[] TwoTheta, double[] Intensity) Pattern(IReadOnlyList<CwStick> sticks, CwInstrument inst)
    {
        int n = (int)Math.Floor((inst.TwoThetaMax - inst.TwoThetaMin) / inst.Step) + 1;
        var x = new double[n];
        var y = new double[n];
        for (int i = 0; i < n; i++) x[i] = inst.TwoThetaMin + i * inst.Step;
        foreach (var st in sticks)
        {
            double s2 = Math.Max(inst.Sigma2At(st.TwoTheta), 1e-10);
            double gG = Math.Sqrt(8 * Math.Log(2) * s2), gL = Math.Max(inst.GammaAt(st.TwoTheta), 0);
            double g = Math.Pow(Math.Pow(gG, 5) + 2.69269 * Math.Pow(gG, 4) * gL + 2.42843 * Math.Pow(gG, 3) * gL * gL
                + 4.47163 * gG * gG * Math.Pow(gL, 3) + 0.07842 * gG * Math.Pow(gL, 4) + Math.Pow(gL, 5), 0.2);
            double q = gL / g, eta = 1.36603 * q - 0.47719 * q * q + 0.11116 * q * q * q;
            double sg2 = g * g / (8 * Math.Log(2));
            int lo = Math.Max(0, (int)Math.Floor((st.TwoTheta - 20 * g - inst.TwoThetaMin) / inst.Step));
            int hi = Math.Min(n - 1, (int)Math.Ceiling((st.TwoTheta + 20 * g - inst.TwoThetaMin) / inst.Step));
            for (int i = lo; i <= hi; i++)
            {
                double dx = x[i] - st.TwoTheta;
                double gauss = Math.Exp(-dx * dx / (2 * sg2)) / Math.Sqrt(2 * Math.PI * sg2);
                double lor = g / (2 * Math.PI) / (dx * dx + g * g / 4);
                y[i] += st.Intensity * ((1 - eta) * gauss + eta * lor);
            }
        }
        return (x, y);
    }
}
