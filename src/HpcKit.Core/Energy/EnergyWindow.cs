using System.Diagnostics;

namespace HpcKit.Core.Energy;

/// <summary>
/// One measurement window: records the start counter and time; <see cref="Stop"/> returns the energy.
/// Work counts (FLOPs, bytes moved) are added as the window runs; the modeled meter prices them.
/// </summary>
public sealed class EnergyWindow : IDisposable
{
    private readonly Func<EnergyWindow, double, EnergyMeasurement> _finish;
    private readonly long _start = Stopwatch.GetTimestamp();
    private EnergyMeasurement? _result;

    internal EnergyWindow(string phase, Func<EnergyWindow, double, EnergyMeasurement> finish)
    {
        Phase = phase;
        _finish = finish;
    }

    public string Phase { get; }

    /// <summary>Floating-point operations reported so far.</summary>
    public double Flops { get; private set; }

    /// <summary>Bytes communicated reported so far.</summary>
    public double Bytes { get; private set; }

    /// <summary>The measurement once stopped.</summary>
    public EnergyMeasurement? Result => _result;

    /// <summary>Reports work done inside the window.</summary>
    public void AddWork(double flops, double bytes)
    {
        Flops += flops;
        Bytes += bytes;
    }

    /// <summary>Closes the window (idempotent).</summary>
    public EnergyMeasurement Stop() => _result ??= _finish(this, Stopwatch.GetElapsedTime(_start).TotalSeconds);

    public void Dispose() => Stop();
}
