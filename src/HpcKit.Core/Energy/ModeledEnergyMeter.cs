using System.Globalization;

namespace HpcKit.Core.Energy;

/// <summary>
/// Energy = P_static·t + e_flop·FLOPs + e_byte·bytes. Defaults (overridable): P_static = 50 W for the node,
/// e_flop = 20 pJ (a double-precision FMA-class operation on a recent CPU, including data movement to L1),
/// e_byte = 100 pJ per byte communicated (shared-memory or network transfer, order of magnitude from the
/// literature on data-movement energy). These are modelling choices, not measurements, and the source says so.
/// </summary>
public sealed class ModeledEnergyMeter : IEnergyMeter
{
    public ModeledEnergyMeter(double staticWatts = 50, double joulesPerFlop = 20e-12, double joulesPerByte = 100e-12)
    {
        if (staticWatts < 0 || joulesPerFlop < 0 || joulesPerByte < 0 || !double.IsFinite(staticWatts + joulesPerFlop + joulesPerByte))
            throw new ArgumentException("energy model constants must be finite and non-negative");
        StaticWatts = staticWatts;
        JoulesPerFlop = joulesPerFlop;
        JoulesPerByte = joulesPerByte;
    }

    public double StaticWatts { get; }

    public double JoulesPerFlop { get; }

    public double JoulesPerByte { get; }

    public string Source => string.Create(CultureInfo.InvariantCulture,
        $"model: {StaticWatts} W static + {JoulesPerFlop * 1e12} pJ/FLOP + {JoulesPerByte * 1e12} pJ/byte");

    public bool IsMeasured => false;

    /// <summary>The model's energy for a given time and work.</summary>
    public double Joules(double seconds, double flops, double bytes) =>
        StaticWatts * seconds + JoulesPerFlop * flops + JoulesPerByte * bytes;

    public EnergyWindow Begin(string phase) =>
        new(phase, (w, s) => new EnergyMeasurement(w.Phase, Joules(s, w.Flops, w.Bytes), s, Source, false));
}
