using System.Globalization;

namespace HpcKit.Core.Energy;

/// <summary>
/// Intel/AMD RAPL through the Linux powercap tree (<c>/sys/class/powercap/intel-rapl:N/energy_uj</c>): the sum of
/// the package domains. A counter that went backwards wrapped once at <c>max_energy_range_uj</c>. Reading usually
/// needs root.
/// </summary>
public sealed class RaplEnergyMeter : IEnergyMeter
{
    private readonly (string EnergyFile, long MaxRange)[] _zones;

    private RaplEnergyMeter((string, long)[] zones, string names)
    {
        _zones = zones;
        Source = "measured: RAPL " + names;
    }

    public string Source { get; }

    public bool IsMeasured => true;

    /// <summary>Opens the package zones under <paramref name="root"/>; null with a reason when unreadable.</summary>
    public static RaplEnergyMeter? TryOpen(out string reason, string root = "/sys/class/powercap")
    {
        reason = "";
        if (!Directory.Exists(root))
        {
            reason = $"{root} does not exist";
            return null;
        }
        var zones = new List<(string, long)>();
        var names = new List<string>();
        foreach (var dir in Directory.GetDirectories(root).Order(StringComparer.Ordinal))
        {
            string leaf = Path.GetFileName(dir);
            // Package zones are intel-rapl:N (one colon); sub-zones intel-rapl:N:M are parts of them.
            if (!leaf.StartsWith("intel-rapl:", StringComparison.Ordinal) || leaf.Count(c => c == ':') != 1) continue;
            string energy = Path.Combine(dir, "energy_uj");
            try
            {
                ReadLong(energy);
                long max = File.Exists(Path.Combine(dir, "max_energy_range_uj")) ? ReadLong(Path.Combine(dir, "max_energy_range_uj")) : 0;
                zones.Add((energy, max));
                string nameFile = Path.Combine(dir, "name");
                names.Add(File.Exists(nameFile) ? File.ReadAllText(nameFile).Trim() : leaf);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
            {
                reason = $"{energy}: {e.Message}";
            }
        }
        if (zones.Count == 0)
        {
            if (reason.Length == 0) reason = $"no readable RAPL package zone under {root}";
            return null;
        }
        return new RaplEnergyMeter([.. zones], string.Join('+', names));
    }

    /// <summary>Current counter of each zone, microjoules.</summary>
    public long[] ReadCounters()
    {
        var v = new long[_zones.Length];
        for (int i = 0; i < v.Length; i++) v[i] = ReadLong(_zones[i].EnergyFile);
        return v;
    }

    /// <summary>Joules between two readings, correcting one wrap per zone.</summary>
    public double JoulesBetween(long[] start, long[] end)
    {
        double uj = 0;
        for (int i = 0; i < _zones.Length; i++)
        {
            long d = end[i] - start[i];
            if (d < 0) d += _zones[i].MaxRange;
            uj += d;
        }
        return uj * 1e-6;
    }

    public EnergyWindow Begin(string phase)
    {
        long[] start = ReadCounters();
        return new EnergyWindow(phase, (w, s) => new EnergyMeasurement(w.Phase, JoulesBetween(start, ReadCounters()), s, Source, true));
    }

    private static long ReadLong(string file) => long.Parse(File.ReadAllText(file).Trim(), CultureInfo.InvariantCulture);
}
