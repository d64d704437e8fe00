using HpcKit.Core.LinearAlgebra;

namespace HpcKit.Neural;

/// <summary>
/// A small persistent pool for the non-GEMM kernels (im2col, activations, pooling, optimizer updates): splits
/// [0, count) into <see cref="Threads"/> contiguous blocks, runs block 0 on the caller and the rest on parked worker
/// threads, and allocates nothing per call. Threads defaults to the BLAS thread count. Concurrent callers (thread
/// ranks) do not queue: a caller that finds the pool busy runs its loop alone, so results never depend on timing.
/// </summary>
public static class WorkerPool
{
    private static readonly object Gate = new();
    private static int _busy;
    private static Worker[] _workers = [];
    private static int _threads;

    /// <summary>Threads used (0 = follow <see cref="Blas.Current"/>.Threads).</summary>
    public static int Threads
    {
        get => _threads > 0 ? _threads : Math.Max(1, Math.Min(Blas.Current.Threads, Environment.ProcessorCount));
        set => _threads = Math.Max(0, value);
    }

    /// <summary>Runs body over [0, count) in blocks; serial when count &lt; <paramref name="minPerThread"/>·2 or one thread.</summary>
    public static void For(int count, ParallelBody body, int minPerThread = 1)
    {
        ArgumentNullException.ThrowIfNull(body);
        int t = Math.Min(Threads, Math.Max(1, count / Math.Max(1, minPerThread)));
        // Not re-entrant on purpose: a nested call (from inside a body) or a concurrent caller runs serially.
        if (t <= 1 || Interlocked.CompareExchange(ref _busy, 1, 0) != 0)
        {
            body.Run(0, count);
            return;
        }
        try
        {
            Run(count, t, body, EnsureWorkers(t - 1));
        }
        finally
        {
            Volatile.Write(ref _busy, 0);
        }
    }

    private static void Run(int count, int t, ParallelBody body, Worker[] workers)
    {
        for (int i = 1; i < t; i++)
        {
            long s = (long)count * i / t, e = (long)count * (i + 1) / t;
            workers[i - 1].Start(body, (int)s, (int)e);
        }
        body.Run(0, (int)((long)count / t));
        Exception? first = null;
        for (int i = 1; i < t; i++)
        {
            var err = workers[i - 1].Wait();
            first ??= err;
        }
        if (first != null) throw new AggregateException(first);
    }

    private static Worker[] EnsureWorkers(int n)
    {
        lock (Gate)
        {
            if (_workers.Length < n)
            {
                var w = new Worker[n];
                Array.Copy(_workers, w, _workers.Length);
                for (int i = _workers.Length; i < n; i++) w[i] = new Worker(i + 1);
                _workers = w;
            }
            return _workers;
        }
    }

    private sealed class Worker
    {
        private readonly ManualResetEventSlim _go = new(false);
        private readonly ManualResetEventSlim _done = new(false);
        private ParallelBody? _body;
        private int _start, _end;
        private Exception? _error;

        public Worker(int id)
        {
            var thread = new Thread(Loop) { IsBackground = true, Name = $"hpckit-neural-{id}" };
            thread.Start();
        }

        public void Start(ParallelBody body, int start, int end)
        {
            _body = body;
            _start = start;
            _end = end;
            _error = null;
            _done.Reset();
            _go.Set();
        }

        public Exception? Wait()
        {
            _done.Wait();
            return _error;
        }

        private void Loop()
        {
            while (true)
            {
                _go.Wait();
                _go.Reset();
                try
                {
                    _body!.Run(_start, _end);
                }
                catch (Exception e)
                {
                    _error = e;
                }
                _body = null;
                _done.Set();
            }
        }
    }
}
