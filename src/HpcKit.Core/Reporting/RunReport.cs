using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using HpcKit.Core.Energy;

namespace HpcKit.Core.Reporting;

/// <summary>
/// The JSON run report of one command: what was asked (parameters), where it ran (environment), how long each
/// phase took (timings, seconds), what was counted (counters), energy with its source, and the results.
/// </summary>
public sealed class RunReport
{
    // NaN and ±Infinity are legitimate results ("target not reached"); they are written as "NaN", "Infinity".
    private static readonly JsonSerializerOptions Values = new() { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public RunReport(string command)
    {
        Command = command;
        Environment = EnvironmentInfo.Capture();
    }

    public string Command { get; }

    public DateTimeOffset Started { get; } = DateTimeOffset.UtcNow;

    public EnvironmentInfo Environment { get; set; }

    public JsonObject Parameters { get; } = [];

    public Dictionary<string, double> Timings { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, double> Counters { get; } = new(StringComparer.Ordinal);

    public List<EnergyMeasurement> Energy { get; } = [];

    public JsonObject Results { get; } = [];

    /// <summary>Records a parameter value (numbers, strings, bools, arrays of those).</summary>
    public RunReport Parameter(string name, object? value)
    {
        Parameters[name] = JsonSerializer.SerializeToNode(value, Values);
        return this;
    }

    /// <summary>Records a result value (anything System.Text.Json can serialise).</summary>
    public RunReport Result(string name, object? value)
    {
        Results[name] = JsonSerializer.SerializeToNode(value, Values);
        return this;
    }

    /// <summary>Adds <paramref name="seconds"/> to timing <paramref name="phase"/>.</summary>
    public void AddTiming(string phase, double seconds) =>
        Timings[phase] = Timings.GetValueOrDefault(phase) + seconds;

    /// <summary>Adds to counter <paramref name="name"/>.</summary>
    public void AddCounter(string name, double value) =>
        Counters[name] = Counters.GetValueOrDefault(name) + value;

    /// <summary>Times a phase: <c>using (report.Time("factor")) { ... }</c>.</summary>
    public IDisposable Time(string phase) => new PhaseTimer(this, phase);

    public JsonObject ToJson()
    {
        var o = new JsonObject
        {
            ["command"] = Command,
            ["started_utc"] = Started.ToString("O"),
            ["environment"] = JsonSerializer.SerializeToNode(Environment, Values),
            ["parameters"] = Parameters.DeepClone(),
            ["timings_s"] = JsonSerializer.SerializeToNode(Timings, Values),
            ["counters"] = JsonSerializer.SerializeToNode(Counters, Values),
            ["energy"] = JsonSerializer.SerializeToNode(Energy, Values),
            ["results"] = Results.DeepClone(),
        };
        return o;
    }

    public override string ToString() => ToJson().ToJsonString(Indented);

    /// <summary>Writes the report atomically.</summary>
    public void Save(string path) => AtomicFile.WriteAllText(path, ToString() + "\n");

    /// <summary>Reads a saved report back as JSON (for tools and tests).</summary>
    public static JsonObject Load(string path) =>
        JsonNode.Parse(File.ReadAllText(path)) as JsonObject ?? throw new HpcKitDataException(path, 0, "not a JSON object");

    private sealed class PhaseTimer(RunReport report, string phase) : IDisposable
    {
        private readonly long _start = Stopwatch.GetTimestamp();

        public void Dispose() => report.AddTiming(phase, Stopwatch.GetElapsedTime(_start).TotalSeconds);
    }
}
