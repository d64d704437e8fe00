namespace HpcKit.Core.Comm;

/// <summary>
/// State shared by the ranks of one <see cref="ThreadCommunicator"/> group: a barrier and one slot per rank
/// where each rank publishes the addresses of its pinned buffers for the duration of a collective.
/// Cancelling <see cref="Abort"/> releases every rank waiting at the barrier (used when one rank fails).
/// </summary>
internal sealed class ThreadGroup : IDisposable
{
    private readonly Barrier _barrier;
    private readonly CancellationTokenSource _abort = new();

    public ThreadGroup(int size)
    {
        Size = size;
        _barrier = new Barrier(size);
        Send = new nint[size];
        Recv = new nint[size];
    }

    public int Size { get; }

    public nint[] Send { get; }

    public nint[] Recv { get; }

    public void Sync()
    {
        if (Size > 1) _barrier.SignalAndWait(_abort.Token);
    }

    public void Abort() => _abort.Cancel();

    public void Dispose()
    {
        _barrier.Dispose();
        _abort.Dispose();
    }
}
