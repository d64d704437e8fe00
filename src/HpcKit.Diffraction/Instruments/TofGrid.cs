namespace HpcKit.Diffraction.Instruments;

/// <summary>Logarithmic TOF grid t_i = T_min·e^{iτ}, i = 0…n−1 (GSAS-II's Tstep τ is the step in ln t).</summary>
public sealed record TofGrid(double TMin, double Tau, int Count)
{
    /// <summary>Default: T_min = 1360 µs, τ = 0.0009381, 2806 points (last at 18 894.2 µs).</summary>
    public static TofGrid Default { get; } = new(1360.0, 0.0009381, 2806);

    /// <summary>Bin centre i (µs); i may lie outside [0, Count).</summary>
    public double Tof(int i) => TMin * Math.Exp(i * Tau);

    /// <summary>The last point.</summary>
    public double TMax => Tof(Count - 1);

    /// <summary>Fractional bin position of t: ln(t/T_min)/τ.</summary>
    public double Position(double t) => Math.Log(t / TMin) / Tau;

    /// <summary>All bin centres.</summary>
    public double[] Tofs()
    {
        var t = new double[Count];
        for (int i = 0; i < Count; i++) t[i] = Tof(i);
        return t;
    }

    /// <summary>Grid with n = ⌈ln(T_max/T_min)/τ⌉ points (GSAS-II's construction).</summary>
    public static TofGrid FromRange(double tMin, double tMax, double tau) => new(tMin, tau, (int)Math.Ceiling(Math.Log(tMax / tMin) / tau));
}
