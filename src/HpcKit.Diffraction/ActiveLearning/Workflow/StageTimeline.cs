using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using HpcKit.Core.Reporting;

namespace HpcKit.Diffraction.ActiveLearning;

/// <summary>
/// Thread-safe record of workflow stages on one <see cref="Stopwatch"/> clock, with per-lane busy/idle
/// accounting, a text Gantt chart, an SVG Gantt plot, a JSON timeline and a CSV summary.
/// </summary>
public sealed class StageTimeline
{
    private readonly long _origin = Stopwatch.GetTimestamp();
    private readonly List<StageRecord> _records = [];
    private readonly Lock _lock = new();

    /// <summary>Seconds since the timeline started.</summary>
    public double Now => Stopwatch.GetElapsedTime(_origin).TotalSeconds;

    /// <summary>Records so far, in start order.</summary>
    public IReadOnlyList<StageRecord> Records
    {
        get
        {
            lock (_lock) return [.. _records.OrderBy(r => r.Start).ThenBy(r => r.Lane, StringComparer.Ordinal)];
        }
    }

    /// <summary>Latest end time of any stage.</summary>
    public double Makespan
    {
        get
        {
            lock (_lock) return _records.Count == 0 ? 0 : _records.Max(r => r.End);
        }
    }

    /// <summary>Runs <paramref name="body"/> as a stage and records it; <paramref name="items"/> counts what it handled.</summary>
    public T Run<T>(string stage, int phase, string lane, int threads, Func<T> body, Func<T, int> items, Func<double>? blocked = null)
    {
        double cpu0 = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
        double t0 = Now;
        T result = body();
        double t1 = Now;
        double cpu1 = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
        Add(new StageRecord(stage, phase, lane, threads, t0, t1, items(result), blocked?.Invoke() ?? 0, cpu1 - cpu0));
        return result;
    }

    /// <summary>Adds a record made elsewhere.</summary>
    public void Add(StageRecord record)
    {
        lock (_lock) _records.Add(record);
    }

    /// <summary>Per-lane accounting over the makespan.</summary>
    public IReadOnlyList<LaneSummary> Lanes()
    {
        var recs = Records;
        double span = Makespan;
        var result = new List<LaneSummary>();
        foreach (var lane in recs.Select(r => r.Lane).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var waits = recs.Where(r => r.Lane == lane && r.Threads == 0).Sum(r => r.BlockedSeconds);
            var mine = recs.Where(r => r.Lane == lane && r.Threads > 0).OrderBy(r => r.Start).ToList();
            if (mine.Count == 0) continue;
            double busy = 0, end = double.NegativeInfinity;
            foreach (var r in mine)
            {
                double s = Math.Max(r.Start, end);
                if (r.End > s) busy += r.End - s;
                end = Math.Max(end, r.End);
            }
            int threads = mine.Max(r => r.Threads);
            double core = mine.Sum(r => r.Threads * r.Duration);
            result.Add(new LaneSummary(lane, threads, busy, span - busy, span > 0 ? busy / span : 0, core,
                span > 0 ? core / (threads * span) : 0, mine.Sum(r => r.BlockedSeconds) + waits));
        }
        return result;
    }

    /// <summary>A fixed-width text Gantt chart, one row per lane, one letter per stage kind.</summary>
    public string TextGantt(int width = 72)
    {
        var recs = Records;
        double span = Math.Max(Makespan, 1e-12);
        var sb = new StringBuilder();
        foreach (var lane in recs.Select(r => r.Lane).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var row = new char[width];
            Array.Fill(row, '.');
            foreach (var r in recs.Where(r => r.Lane == lane))
            {
                int a = (int)(r.Start / span * width), b = Math.Max(a + 1, (int)Math.Ceiling(r.End / span * width));
                char ch = StageLetter(r.Stage);
                for (int i = a; i < Math.Min(b, width); i++) row[i] = ch;
            }
            sb.Append(CultureInfo.InvariantCulture, $"{lane,-6}|").Append(row).Append("|\n");
        }
        sb.Append(CultureInfo.InvariantCulture, $"       0{new string(' ', Math.Max(0, width - 10))}{span,8:F1} s\n");
        sb.Append("       B SimBase  G SimStudy  T Train  S Score  A Allocate  L SimAL  R SimStream  W wait\n");
        return sb.ToString();
    }

    /// <summary>An SVG Gantt chart (one row per lane, one colour per stage kind).</summary>
    public SvgPlot GanttPlot(string title)
    {
        var plot = new SvgPlot(title, "seconds since start", "lane");
        foreach (var r in Records) plot.Span(r.Lane, r.Start, Math.Max(r.End, r.Start + 1e-6), StageKind(r.Stage));
        return plot;
    }

    /// <summary>Writes every record as a JSON array.</summary>
    public void SaveJson(string path) =>
        AtomicFile.WriteAllText(path, JsonSerializer.Serialize(Records, JsonOptions) + "\n");

    /// <summary>The records as a CSV table.</summary>
    public CsvTable ToCsv()
    {
        var t = new CsvTable("stage", "phase", "lane", "threads", "start_s", "end_s", "items", "blocked_s", "cpu_s");
        foreach (var r in Records) t.Add(r.Stage, r.Phase, r.Lane, r.Threads, r.Start, r.End, r.Items, r.BlockedSeconds, r.CpuSeconds);
        return t;
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };

    /// <summary>Stage kind without its phase suffix ("Train(2)" → "Train").</summary>
    public static string StageKind(string stage)
    {
        int p = stage.IndexOf('(', StringComparison.Ordinal);
        return p < 0 ? stage : stage[..p];
    }

    private static char StageLetter(string stage) => StageKind(stage) switch
    {
        "SimBase" => 'B',
        "SimStudy" => 'G',
        "Train" => 'T',
        "Score" => 'S',
        "Allocate" => 'A',
        "SimAL" => 'L',
        "SimStream" => 'R',
        "Wait" => 'W',
        _ => '#',
    };
}
