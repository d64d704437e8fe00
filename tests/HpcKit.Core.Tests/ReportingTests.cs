using System.Xml.Linq;
using HpcKit.Core.Energy;
using HpcKit.Core.Reporting;

namespace HpcKit.Core.Tests;

public sealed class ReportingTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("hpckit-report-").FullName;

    [Fact]
    public void Run_report_round_trips_through_json()
    {
        var r = new RunReport("test");
        r.Parameter("n", 1000).Parameter("scheme", "ucp");
        r.AddTiming("phase", 0.25);
        r.AddTiming("phase", 0.5);
        r.AddCounter("edges", 12345);
        r.Result("z", new[] { 1.5, -2.0 });
        r.Energy.Add(new EnergyMeasurement("train", 12.5, 2, "model: x", false));
        string path = Path.Combine(_dir, "r.json");
        r.Save(path);
        var j = RunReport.Load(path);
        Assert.Equal("test", (string?)j["command"]);
        Assert.Equal(1000, (int)j["parameters"]!["n"]!);
        Assert.Equal(0.75, (double)j["timings_s"]!["phase"]!);
        Assert.Equal(12345, (double)j["counters"]!["edges"]!);
        Assert.Equal(-2.0, (double)j["results"]!["z"]![1]!);
        Assert.Equal("model: x", (string?)j["energy"]![0]!["Source"]);
        Assert.False(string.IsNullOrEmpty((string?)j["environment"]!["BlasBackend"]));
    }

    [Fact]
    public void Non_finite_results_are_written_not_rejected()
    {
        var r = new RunReport("nan");
        r.Result("median_steps", double.NaN).Parameter("limit", double.PositiveInfinity);
        string path = Path.Combine(_dir, "nan.json");
        r.Save(path);
        var j = RunReport.Load(path);
        Assert.Equal("NaN", (string?)j["results"]!["median_steps"]);
        Assert.Equal("Infinity", (string?)j["parameters"]!["limit"]);
    }

    [Fact]
    public void Svg_plots_are_well_formed_xml()
    {
        double[] x = [1, 10, 100, 1000], y = [1, 0.1, 0.01, 0.001];
        var plots = new[]
        {
            new SvgPlot("line & <scatter>", "x", "y").Line("a", x, y).Scatter("b", x, [2, 0.2, 0.02, 0.002]),
            new SvgPlot("log–log", "n", "t") { LogX = true, LogY = true }.LineMarkers("c", x, y, [0.1, 0.01, 0.001, 0.0001]).ReferenceLine(0.05, false, "ref"),
            new SvgPlot("bars", "", "v").Bars("s1", ["a", "b"], [1.0, 2.0]).Bars("s2", ["a", "b"], [3.0, -1.0]),
            new SvgPlot("band", "w", "ξ").Band("CLN", x, [0.5, 0.4, 0.3, 0.2], [0.6, 0.5, 0.4, 0.3]).Markers([(5, "(111)"), (50, "(200)")]),
            new SvgPlot("gantt", "s", "").Span("sim", 0, 1, "simulate").Span("train", 0.5, 2, "train"),
            new SvgPlot("empty", "x", "y"),
        };
        foreach (var p in plots)
        {
            var doc = XDocument.Parse(p.ToSvg());
            Assert.Equal("svg", doc.Root!.Name.LocalName);
        }
        Assert.Contains("(111)", plots[3].ToSvg(), StringComparison.Ordinal);
    }

    [Fact]
    public void Atomic_write_leaves_no_file_on_failure()
    {
        string path = Path.Combine(_dir, "out.txt");
        Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(path, w =>
        {
            w.Write("partial");
            throw new InvalidOperationException("boom");
        }));
        Assert.False(File.Exists(path));
        Assert.Empty(Directory.GetFiles(_dir));
        AtomicFile.WriteAllText(path, "done");
        Assert.Equal("done", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(_dir));
    }

    [Fact]
    public void Unwritable_output_is_a_data_error()
    {
        var e = Assert.Throws<HpcKitDataException>(() => AtomicFile.WriteAllText("/proc/hpckit-forbidden/x.txt", "x"));
        Assert.Contains("/proc/hpckit-forbidden", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_quotes_and_formats_invariantly()
    {
        var t = new CsvTable("name", "value");
        t.Add("a,b", 0.1);
        t.Add("q\"x", 2);
        Assert.Equal("name,value\n\"a,b\",0.1\n\"q\"\"x\",2\n", t.ToString());
        Assert.Throws<ArgumentException>(() => t.Add("only one"));
    }

    public void Dispose() => Directory.Delete(_dir, true);
}
