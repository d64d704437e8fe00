using System.Diagnostics;
using System.Threading.Channels;

namespace HpcKit.Diffraction.ActiveLearning;

/// <summary>
/// Producer/consumer simulation (spec §6): <c>threads</c> workers simulate fixed-size chunks and write them
/// into a bounded channel (FullMode = Wait, many writers, one reader); one collector drains the channel into a
/// staging set. <see cref="Completion"/> waits for the writers, seals the staging set and sorts it by sample
/// id, so the result never depends on arrival order. A fault completes the channel with the exception;
/// cancellation flows through one token.
/// </summary>
public sealed class StreamingSimulation
{
    private readonly Channel<PatternChunk> _channel;
    private readonly PatternSet _staging;
    private long _blockedTicks;
    private int _maxDepth;
    private int _chunksWritten, _chunksRead;

    private StreamingSimulation(int width, int count, StreamingOptions options)
    {
        Options = options;
        _channel = Channel.CreateBounded<PatternChunk>(new BoundedChannelOptions(options.Capacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
            SingleWriter = false,
        });
        _staging = new PatternSet(width, count);
        Completion = Task.CompletedTask.ContinueWith(_ => _staging, TaskScheduler.Default);
    }

    /// <summary>Channel settings.</summary>
    public StreamingOptions Options { get; }

    /// <summary>Completes with the sealed staging set (sorted by id), or faults/cancels with the producers.</summary>
    public Task<PatternSet> Completion { get; private set; }

    /// <summary>Seconds producers spent blocked on a full channel (summed over workers).</summary>
    public double ProducerBlockedSeconds => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _blockedTicks)).TotalSeconds;

    /// <summary>Most chunks ever waiting in the channel (never above the capacity).</summary>
    public int MaxChannelDepth => Volatile.Read(ref _maxDepth);

    /// <summary>Chunks written and read so far.</summary>
    public (int Written, int Read) Chunks => (Volatile.Read(ref _chunksWritten), Volatile.Read(ref _chunksRead));

    /// <summary>Starts simulating <paramref name="points"/> with ids firstId + i on <paramref name="threads"/> workers.</summary>
    public static StreamingSimulation Start(IPatternSimulator simulator, IReadOnlyList<CellPoint> points, long firstId, int threads,
        StreamingOptions? options = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(simulator);
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        options ??= new StreamingOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.ChunkSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Capacity, 1);
        var s = new StreamingSimulation(simulator.Width, points.Count, options);
        var producers = s.StartProducers(simulator, points, firstId, threads, cancel);
        var collector = Task.Factory.StartNew(() => s.Collect(cancel), cancel, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        s.Completion = Task.WhenAll(producers, collector).ContinueWith(t =>
        {
            if (producers.IsFaulted) throw producers.Exception!.InnerException!;
            if (t.IsFaulted) throw t.Exception!.InnerException!;
            cancel.ThrowIfCancellationRequested();
            if (t.IsCanceled) throw new OperationCanceledException(cancel);
            s._staging.SortById();
            return s._staging;
        }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        return s;
    }

    private Task StartProducers(IPatternSimulator simulator, IReadOnlyList<CellPoint> points, long firstId, int threads, CancellationToken cancel)
    {
        int n = points.Count, w = simulator.Width, cs = Options.ChunkSize;
        int chunks = (n + cs - 1) / cs;
        int next = 0;
        var writer = _channel.Writer;
        void Work()
        {
            while (true)
            {
                int c = Interlocked.Increment(ref next) - 1;
                if (c >= chunks) return;
                cancel.ThrowIfCancellationRequested();
                int lo = c * cs, m = Math.Min(n, lo + cs) - lo;
                var chunk = new PatternChunk(new long[m], new CellPoint[m], new float[m * w], w);
                for (int i = 0; i < m; i++)
                {
                    chunk.Ids[i] = firstId + lo + i;
                    chunk.Points[i] = points[lo + i];
                    simulator.Simulate(points[lo + i], chunk.Data.AsSpan(i * w, w));
                }
                if (!writer.TryWrite(chunk))
                {
                    long t0 = Stopwatch.GetTimestamp();
                    writer.WriteAsync(chunk, cancel).AsTask().GetAwaiter().GetResult();
                    Interlocked.Add(ref _blockedTicks, Stopwatch.GetTimestamp() - t0);
                }
                Interlocked.Increment(ref _chunksWritten);
                int depth = _channel.Reader.Count;
                int seen;
                while (depth > (seen = Volatile.Read(ref _maxDepth)) && Interlocked.CompareExchange(ref _maxDepth, depth, seen) != seen) { }
            }
        }
        int t = Math.Max(1, Math.Min(threads, chunks));
        var tasks = new Task[t];
        for (int k = 0; k < t; k++) tasks[k] = Task.Factory.StartNew(Work, cancel, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        return Task.WhenAll(tasks).ContinueWith(all =>
        {
            // Complete the channel with the fault (or cancellation) so the collector stops too.
            Exception? error = all.IsFaulted ? all.Exception!.InnerException : all.IsCanceled ? new OperationCanceledException(cancel) : null;
            writer.TryComplete(error);
            if (error != null) throw error;
        }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
    }

    private void Collect(CancellationToken cancel)
    {
        var reader = _channel.Reader;
        while (reader.WaitToReadAsync(cancel).AsTask().GetAwaiter().GetResult())
        {
            while (reader.TryRead(out var chunk))
            {
                Options.OnCollect?.Invoke(chunk);
                for (int i = 0; i < chunk.Count; i++) _staging.Add(chunk.Points[i], chunk.Ids[i], chunk.Data.AsSpan(i * chunk.Width, chunk.Width));
                Interlocked.Increment(ref _chunksRead);
            }
        }
    }
}
