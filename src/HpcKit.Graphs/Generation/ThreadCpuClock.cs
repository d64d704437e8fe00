using System.Diagnostics;
using System.Runtime.InteropServices;

namespace HpcKit.Graphs.Generation;

/// <summary>
/// CPU seconds consumed by the calling thread (Linux <c>clock_gettime(CLOCK_THREAD_CPUTIME_ID)</c>), so per-rank
/// work can be measured on a shared, oversubscribed machine; falls back to wall-clock time elsewhere.
/// (A candidate for Core.)
/// </summary>
public static partial class ThreadCpuClock
{
    private const int ClockThreadCpuTimeId = 3;
    private static bool _unavailable = !OperatingSystem.IsLinux();

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out Timespec ts);

    /// <summary>Whether <see cref="Now"/> measures thread CPU time (true) or wall time (false).</summary>
    public static bool IsCpuTime => !_unavailable;

    /// <summary>The calling thread's CPU time in seconds (wall time when unavailable).</summary>
    public static double Now()
    {
        if (!_unavailable)
        {
            try
            {
                if (ClockGetTime(ClockThreadCpuTimeId, out var ts) == 0) return ts.Seconds + ts.Nanoseconds * 1e-9;
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                // fall through
            }
            _unavailable = true;
        }
        return Stopwatch.GetTimestamp() / (double)Stopwatch.Frequency;
    }
}
