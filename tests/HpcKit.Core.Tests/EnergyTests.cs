using HpcKit.Core.Energy;

namespace HpcKit.Core.Tests;

public sealed class EnergyTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "hpckit-rapl-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Modeled_meter_prices_time_flops_and_bytes()
    {
        var m = new ModeledEnergyMeter(staticWatts: 10, joulesPerFlop: 1e-9, joulesPerByte: 2e-9);
        Assert.Equal(10 * 2 + 1e-9 * 3e9 + 2e-9 * 5e8, m.Joules(2, 3e9, 5e8), 12);
        using var w = m.Begin("phase");
        w.AddWork(1e9, 0);
        w.AddWork(0, 1e9);
        var e = w.Stop();
        Assert.Equal("phase", e.Phase);
        Assert.False(e.Measured);
        Assert.StartsWith("model:", e.Source, StringComparison.Ordinal);
        Assert.Equal(10 * e.Seconds + 1 + 2, e.Joules, 9);
        Assert.Same(e, w.Stop());
        Assert.Throws<ArgumentException>(() => new ModeledEnergyMeter(staticWatts: -1));
    }

    [Fact]
    public void Rapl_reads_package_zones_and_corrects_a_wrap()
    {
        Zone("intel-rapl:0", "package-0", 1_000_000, 5_000_000);
        Zone("intel-rapl:0:0", "core", 10, 100); // sub-zone: not added
        Zone("intel-rapl:1", "package-1", 4_900_000, 5_000_000);
        var meter = RaplEnergyMeter.TryOpen(out string why, _root);
        Assert.True(meter != null, why);
        Assert.Equal("measured: RAPL package-0+package-1", meter.Source);
        var start = meter.ReadCounters();
        Assert.Equal([1_000_000L, 4_900_000L], start);
        File.WriteAllText(Path.Combine(_root, "intel-rapl:0", "energy_uj"), "3000000\n");
        File.WriteAllText(Path.Combine(_root, "intel-rapl:1", "energy_uj"), "100000\n"); // wrapped past 5e6
        double j = meter.JoulesBetween(start, meter.ReadCounters());
        Assert.Equal(2.0 + 0.2, j, 12);
        using var w = meter.Begin("x");
        Assert.True(w.Stop().Measured);
    }

    [Fact]
    public void Missing_rapl_tree_says_why()
    {
        Assert.Null(RaplEnergyMeter.TryOpen(out string why, Path.Combine(_root, "absent")));
        Assert.Contains("does not exist", why, StringComparison.Ordinal);
        Assert.Throws<HpcKitUsageException>(() => EnergyMeters.Open("bogus"));
    }

    [Fact]
    public void Every_source_is_named()
    {
        foreach (var (name, _, detail) in EnergyMeters.Survey())
        {
            Assert.False(string.IsNullOrWhiteSpace(name));
            Assert.False(string.IsNullOrWhiteSpace(detail));
        }
        var auto = EnergyMeters.Open("auto");
        Assert.Matches("^(measured|model): ", auto.Source);
    }

    private void Zone(string dir, string name, long energy, long max)
    {
        string d = Path.Combine(_root, dir);
        Directory.CreateDirectory(d);
        File.WriteAllText(Path.Combine(d, "name"), name + "\n");
        File.WriteAllText(Path.Combine(d, "energy_uj"), energy + "\n");
        File.WriteAllText(Path.Combine(d, "max_energy_range_uj"), max + "\n");
    }

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, true);
    }
}
