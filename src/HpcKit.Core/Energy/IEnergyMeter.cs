namespace HpcKit.Core.Energy;

/// <summary>
/// An energy source. <c>using var w = meter.Begin("phase"); ...; var e = w.Stop();</c>. Measured meters read
/// hardware counters; the modeled meter turns the work reported with <see cref="EnergyWindow.AddWork"/> and the
/// elapsed time into joules.
/// </summary>
public interface IEnergyMeter
{
    /// <summary>e.g. "measured: RAPL package-0+package-1", "measured: NVML GPU 0", "model: 50 W static + ...".</summary>
    string Source { get; }

    /// <summary>True for hardware counters, false for the model.</summary>
    bool IsMeasured { get; }

    /// <summary>Opens a measurement window.</summary>
    EnergyWindow Begin(string phase);
}
