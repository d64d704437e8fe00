namespace HpcKit.Diffraction.ActiveLearning;

/// <summary>
/// Simulates a list of points on a fixed number of threads, in contiguous chunks handed out by an atomic
/// counter; the result is in point order whatever the timing, with sample ids firstId, firstId + 1, ...
/// </summary>
public static class PatternSimulation
{
    /// <summary>Simulates every point; the set is ordered as <paramref name="points"/>.</summary>
    public static PatternSet Run(IPatternSimulator simulator, IReadOnlyList<CellPoint> points, int threads, long firstId = 0,
        CancellationToken cancel = default, Action<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(simulator);
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        int n = points.Count, w = simulator.Width;
        var buffer = new float[(long)n * w];
        const int chunk = 16;
        int next = 0;
        int chunks = (n + chunk - 1) / chunk;
        void Work()
        {
            while (true)
            {
                int c = Interlocked.Increment(ref next) - 1;
                if (c >= chunks) return;
                cancel.ThrowIfCancellationRequested();
                int lo = c * chunk, hi = Math.Min(n, lo + chunk);
                for (int i = lo; i < hi; i++) simulator.Simulate(points[i], buffer.AsSpan(i * w, w));
                progress?.Invoke(hi - lo);
            }
        }
        int t = Math.Min(threads, Math.Max(1, chunks));
        if (t == 1) Work();
        else
        {
            var tasks = new Task[t];
            for (int k = 0; k < t; k++) tasks[k] = Task.Factory.StartNew(Work, cancel, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            Task.WaitAll(tasks, cancel);
        }
        var set = new PatternSet(w, n);
        for (int i = 0; i < n; i++) set.Add(points[i], firstId + i, buffer.AsSpan(i * w, w));
        return set;
    }
}
