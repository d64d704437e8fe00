namespace HpcKit.Core.Energy;

/// <summary>Which energy sources this machine offers, and the default choice: NVML, then RAPL, then the model.</summary>
public static class EnergyMeters
{
    /// <summary>Every source with whether it is usable and why not.</summary>
    public static IReadOnlyList<(string Name, bool Available, string Detail)> Survey()
    {
        var rapl = RaplEnergyMeter.TryOpen(out string rr);
        var nvml = NvmlEnergyMeter.TryOpen(out string nr);
        var model = new ModeledEnergyMeter();
        return
        [
            ("RAPL", rapl != null, rapl?.Source ?? rr),
            ("NVML", nvml != null, nvml?.Source ?? nr),
            ("model", true, model.Source),
        ];
    }

    /// <summary>
    /// The meter for <paramref name="choice"/>: "auto" (NVML, RAPL, else model), "rapl", "nvml" or "model".
    /// Asking for an unavailable hardware meter is a usage error.
    /// </summary>
    public static IEnergyMeter Open(string choice = "auto", ModeledEnergyMeter? model = null)
    {
        model ??= new ModeledEnergyMeter();
        switch (choice.ToLowerInvariant())
        {
            case "model": return model;
            case "rapl": return RaplEnergyMeter.TryOpen(out string r) ?? throw new HpcKitUsageException("RAPL energy was requested but " + r);
            case "nvml": return NvmlEnergyMeter.TryOpen(out string n) ?? throw new HpcKitUsageException("NVML energy was requested but " + n);
            case "auto":
                return (IEnergyMeter?)NvmlEnergyMeter.TryOpen(out _) ?? (IEnergyMeter?)RaplEnergyMeter.TryOpen(out _) ?? model;
            default: throw new HpcKitUsageException($"unknown energy meter '{choice}' (auto, rapl, nvml, model)");
        }
    }
}
