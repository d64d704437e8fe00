using System.Runtime.InteropServices;

namespace HpcKit.Core.Energy;

/// <summary>
/// NVIDIA GPUs' total-energy counters (millijoules since driver load) through NVML, summed over all devices.
/// <c>libnvidia-ml.so.1</c> is loaded only if present.
/// </summary>
public sealed unsafe class NvmlEnergyMeter : IEnergyMeter
{
    private readonly delegate* unmanaged<nint, ulong*, int> _energy;
    private readonly nint[] _devices;

    private NvmlEnergyMeter(delegate* unmanaged<nint, ulong*, int> energy, nint[] devices)
    {
        _energy = energy;
        _devices = devices;
        Source = $"measured: NVML total energy, {devices.Length} GPU(s)";
    }

    public string Source { get; }

    public bool IsMeasured => true;

    /// <summary>Opens NVML; null with a reason when no NVIDIA driver is present.</summary>
    public static NvmlEnergyMeter? TryOpen(out string reason)
    {
        if (!File.Exists("/usr/lib/x86_64-linux-gnu/libnvidia-ml.so.1") && !NativeLibrary.TryLoad("libnvidia-ml.so.1", out _))
        {
            reason = "libnvidia-ml.so.1 not present (no NVIDIA driver)";
            return null;
        }
        if (!NativeLibrary.TryLoad("libnvidia-ml.so.1", out nint lib))
        {
            reason = "libnvidia-ml.so.1 could not be loaded";
            return null;
        }
        try
        {
            var init = (delegate* unmanaged<int>)NativeLibrary.GetExport(lib, "nvmlInit_v2");
            var count = (delegate* unmanaged<uint*, int>)NativeLibrary.GetExport(lib, "nvmlDeviceGetCount_v2");
            var handle = (delegate* unmanaged<uint, nint*, int>)NativeLibrary.GetExport(lib, "nvmlDeviceGetHandleByIndex_v2");
            var energy = (delegate* unmanaged<nint, ulong*, int>)NativeLibrary.GetExport(lib, "nvmlDeviceGetTotalEnergyConsumption");
            if (init() != 0)
            {
                reason = "nvmlInit failed";
                return null;
            }
            uint n;
            if (count(&n) != 0 || n == 0)
            {
                reason = "NVML reports no GPU";
                return null;
            }
            var devices = new nint[n];
            for (uint i = 0; i < n; i++)
            {
                nint h;
                if (handle(i, &h) != 0)
                {
                    reason = $"NVML handle {i} failed";
                    return null;
                }
                ulong mj;
                if (energy(h, &mj) != 0)
                {
                    reason = $"GPU {i} has no total-energy counter";
                    return null;
                }
                devices[i] = h;
            }
            reason = "";
            return new NvmlEnergyMeter(energy, devices);
        }
        catch (EntryPointNotFoundException e)
        {
            reason = e.Message;
            return null;
        }
    }

    /// <summary>Sum of the devices' counters, joules.</summary>
    public double ReadJoules()
    {
        ulong total = 0;
        foreach (var d in _devices)
        {
            ulong mj;
            if (_energy(d, &mj) == 0) total += mj;
        }
        return total * 1e-3;
    }

    public EnergyWindow Begin(string phase)
    {
        double start = ReadJoules();
        return new EnergyWindow(phase, (w, s) => new EnergyMeasurement(w.Phase, ReadJoules() - start, s, Source, true));
    }
}
