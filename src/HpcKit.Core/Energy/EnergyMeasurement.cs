namespace HpcKit.Core.Energy;

/// <summary>Energy of one measurement window. <see cref="Source"/> always says where the figure came from.</summary>
public sealed record EnergyMeasurement(string Phase, double Joules, double Seconds, string Source, bool Measured)
{
    /// <summary>Mean power over the window, watts.</summary>
    public double Watts => Seconds > 0 ? Joules / Seconds : 0;
}
