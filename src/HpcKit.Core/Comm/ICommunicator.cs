using System.Numerics;

namespace HpcKit.Core.Comm;

/// <summary>
/// A group of ranks and the collectives HpcKit's algorithms need. Every rank of the group must make the
/// same sequence of calls with matching sizes. Reductions combine contributions in rank order 0..p−1,
/// so results are bit-identical run to run and between transports.
/// </summary>
public interface ICommunicator : IDisposable
{
    /// <summary>This rank, 0 ≤ Rank &lt; Size.</summary>
    int Rank { get; }

    /// <summary>Number of ranks.</summary>
    int Size { get; }

    /// <summary>"threads" or "mpi".</summary>
    string Transport { get; }

    /// <summary>This rank's counters.</summary>
    CommStats Stats { get; }

    void Barrier();

    /// <summary>Copies root's buffer into every rank's buffer (same length everywhere).</summary>
    void Broadcast<T>(Span<T> buffer, int root) where T : unmanaged;

    /// <summary>recv = op over ranks of send; send and recv may be the same span.</summary>
    void AllReduce<T>(ReadOnlySpan<T> send, Span<T> recv, ReduceOp op) where T : unmanaged, INumber<T>;

    /// <summary>recv (length Size·send.Length) = the concatenation of every rank's send, in rank order.</summary>
    void AllGather<T>(ReadOnlySpan<T> send, Span<T> recv) where T : unmanaged;

    /// <summary>As <see cref="AllGather{T}"/> with rank r contributing counts[r] elements.</summary>
    void AllGatherV<T>(ReadOnlySpan<T> send, Span<T> recv, ReadOnlySpan<int> counts) where T : unmanaged;

    /// <summary>
    /// send holds Size blocks of recv.Length elements; rank r receives op over ranks of block r.
    /// </summary>
    void ReduceScatter<T>(ReadOnlySpan<T> send, Span<T> recv, ReduceOp op) where T : unmanaged, INumber<T>;

    /// <summary>recv on rank r = op over ranks 0..r−1 of send; rank 0 receives zeros.</summary>
    void ExclusiveScan<T>(ReadOnlySpan<T> send, Span<T> recv, ReduceOp op) where T : unmanaged, INumber<T>;

    /// <summary>send holds Size blocks; block q goes to rank q, which stores it as block r of its recv.</summary>
    void AllToAll<T>(ReadOnlySpan<T> send, Span<T> recv) where T : unmanaged;
}
