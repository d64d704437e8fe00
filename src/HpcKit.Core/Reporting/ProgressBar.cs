using System.Diagnostics;

namespace HpcKit.Core.Reporting;

/// <summary>
/// A one-line progress bar on standard error, redrawn at most ten times a second. It stays silent when
/// standard error is not a terminal, when <c>quiet</c> is set, or when <c>HPCKIT_QUIET=1</c>. Thread-safe.
/// </summary>
public sealed class ProgressBar : IDisposable
{
    private readonly string _label;
    private readonly long _total;
    private readonly bool _enabled;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Lock _gate = new();
    private long _done;
    private long _lastDrawTicks = long.MinValue;

    public ProgressBar(string label, long total, bool quiet = false)
    {
        _label = label;
        _total = Math.Max(1, total);
        _enabled = !quiet && !Console.IsErrorRedirected && System.Environment.GetEnvironmentVariable("HPCKIT_QUIET") != "1";
    }

    /// <summary>Whether anything is drawn.</summary>
    public bool Enabled => _enabled;

    /// <summary>Work done so far.</summary>
    public long Done => Interlocked.Read(ref _done);

    public void Advance(long amount = 1)
    {
        long d = Interlocked.Add(ref _done, amount);
        if (!_enabled) return;
        long now = _clock.ElapsedTicks;
        if (d < _total && now - Volatile.Read(ref _lastDrawTicks) < Stopwatch.Frequency / 10) return;
        lock (_gate)
        {
            _lastDrawTicks = now;
            Draw(d);
        }
    }

    private void Draw(long done)
    {
        double f = Math.Min(1.0, (double)done / _total);
        int width = 30, filled = (int)(f * width);
        double el = _clock.Elapsed.TotalSeconds;
        string eta = f > 0 && f < 1 ? $" eta {el / f - el:F0}s" : "";
        Console.Error.Write($"\r{_label} [{new string('#', filled)}{new string('.', width - filled)}] {f * 100,5:F1}% {done}/{_total} {el:F1}s{eta}   ");
    }

    public void Dispose()
    {
        if (!_enabled) return;
        lock (_gate)
        {
            Draw(Done);
            Console.Error.WriteLine();
        }
    }
}
