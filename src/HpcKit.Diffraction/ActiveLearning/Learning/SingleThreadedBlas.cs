using HpcKit.Core.LinearAlgebra;

namespace HpcKit.Diffraction.ActiveLearning;

/// <summary>
/// Holds the process-global BLAS thread count at 1 while <see cref="StructureCnn"/> trains or predicts (it
/// parallelises over shard replicas itself) and restores the previous count afterwards. Reference-counted, so
/// overlapping scopes on different threads keep BLAS single-threaded until the last one ends and then restore
/// the count that was set before the first one began.
/// </summary>
internal sealed class SingleThreadedBlas : IDisposable
{
    private static readonly object Gate = new();
    private static int _depth;
    private static int _saved;
    private bool _disposed;

    private SingleThreadedBlas()
    {
    }

    /// <summary>Enters a scope: the first one saves the current count and sets 1.</summary>
    public static SingleThreadedBlas Enter()
    {
        lock (Gate)
        {
            if (_depth++ == 0)
            {
                _saved = Blas.Current.Threads;
                Blas.SetThreads(1);
            }
        }
        return new SingleThreadedBlas();
    }

    /// <summary>Leaves the scope: the last one restores the saved count.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        lock (Gate)
        {
            if (--_depth == 0) Blas.Current.Threads = _saved;
        }
    }
}
