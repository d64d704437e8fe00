using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace HpcKit.Core.Comm;

/// <summary>
/// P ranks as threads of one process. Each collective pins the callers' buffers, publishes their addresses,
/// and every rank copies (or reduces, in rank order) directly from the others' memory: one copy per byte,
/// deterministic results. Create a group with <see cref="CreateGroup"/> or, more simply, use <see cref="Ranks.Run"/>.
/// </summary>
public sealed unsafe class ThreadCommunicator : ICommunicator
{
    private readonly ThreadGroup _group;

    private ThreadCommunicator(ThreadGroup group, int rank)
    {
        _group = group;
        Rank = rank;
    }

    public int Rank { get; }

    public int Size => _group.Size;

    public string Transport => "threads";

    public CommStats Stats { get; } = new();

    /// <summary>The communicators of a new group of <paramref name="size"/> ranks, one per thread.</summary>
    public static ThreadCommunicator[] CreateGroup(int size)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        var g = new ThreadGroup(size);
        var comms = new ThreadCommunicator[size];
        for (int r = 0; r < size; r++) comms[r] = new ThreadCommunicator(g, r);
        return comms;
    }

    /// <summary>Releases ranks blocked in a collective after another rank failed.</summary>
    internal void AbortGroup() => _group.Abort();

    public void Barrier()
    {
        Stats.Record(nameof(Barrier), default);
        _group.Sync();
    }

    public void Broadcast<T>(Span<T> buffer, int root) where T : unmanaged
    {
        CheckRoot(root);
        fixed (T* b = buffer)
        {
            Publish(b, null);
            if (Rank != root) Src<T>(root, buffer.Length).CopyTo(buffer);
            _group.Sync();
        }
        Stats.Record(nameof(Broadcast), CollectiveCost.Broadcast((long)buffer.Length * sizeof(T), Size, Rank, root));
    }

    public void AllReduce<T>(ReadOnlySpan<T> send, Span<T> recv, ReduceOp op) where T : unmanaged, INumber<T>
    {
        if (send.Length != recv.Length) throw new ArgumentException("send and recv lengths differ");
        T[]? copy = null;
        if (send.Overlaps(recv))
        {
            copy = ArrayPool<T>.Shared.Rent(send.Length);
            send.CopyTo(copy);
            send = copy.AsSpan(0, recv.Length);
        }
        try
        {
            fixed (T* s = send)
            fixed (T* r = recv)
            {
                Publish(s, r);
                var mine = BlockRange.Of(send.Length, Size, Rank);
                ReduceInRankOrder(recv.Slice((int)mine.Start, (int)mine.Count), (int)mine.Start, op);
                _group.Sync();
                for (int q = 0; q < Size; q++)
                {
                    if (q == Rank) continue;
                    var b = BlockRange.Of(send.Length, Size, q);
                    new ReadOnlySpan<T>((T*)_group.Recv[q] + b.Start, (int)b.Count).CopyTo(recv.Slice((int)b.Start, (int)b.Count));
                }
                _group.Sync();
            }
        }
        finally
        {
            if (copy != null) ArrayPool<T>.Shared.Return(copy);
        }
        Stats.Record(nameof(AllReduce), CollectiveCost.AllReduce(send.Length, sizeof(T), Size, Rank));
    }

    public void AllGather<T>(ReadOnlySpan<T> send, Span<T> recv) where T : unmanaged
    {
        int c = send.Length;
        if (recv.Length != c * Size) throw new ArgumentException($"recv must hold Size·{c} = {c * Size} elements");
        fixed (T* s = send)
        {
            Publish(s, null);
            for (int q = 0; q < Size; q++) Src<T>(q, c).CopyTo(recv.Slice(q * c, c));
            _group.Sync();
        }
        Stats.Record(nameof(AllGather), CollectiveCost.AllGather((long)c * sizeof(T), Size));
    }

    public void AllGatherV<T>(ReadOnlySpan<T> send, Span<T> recv, ReadOnlySpan<int> counts) where T : unmanaged
    {
        if (counts.Length != Size) throw new ArgumentException("counts must have one entry per rank");
        if (counts[Rank] != send.Length) throw new ArgumentException($"rank {Rank} sends {send.Length} elements but counts says {counts[Rank]}");
        long total = 0;
        foreach (int k in counts) total += k;
        if (recv.Length != total) throw new ArgumentException($"recv must hold {total} elements");
        fixed (T* s = send)
        {
            Publish(s, null);
            int off = 0;
            for (int q = 0; q < Size; q++)
            {
                Src<T>(q, counts[q]).CopyTo(recv.Slice(off, counts[q]));
                off += counts[q];
            }
            _group.Sync();
        }
        Stats.Record(nameof(AllGatherV), CollectiveCost.AllGatherV((long)send.Length * sizeof(T), total * sizeof(T), Size));
    }

    public void ReduceScatter<T>(ReadOnlySpan<T> send, Span<T> recv, ReduceOp op) where T : unmanaged, INumber<T>
    {
        int c = recv.Length;
        if (send.Length != c * Size) throw new ArgumentException($"send must hold Size·{c} = {c * Size} elements");
        if (send.Overlaps(recv)) throw new ArgumentException("send and recv must not overlap");
        fixed (T* s = send)
        {
            Publish(s, null);
            ReduceInRankOrder(recv, Rank * c, op);
            _group.Sync();
        }
        Stats.Record(nameof(ReduceScatter), CollectiveCost.ReduceScatter((long)c * sizeof(T), Size));
    }

    public void ExclusiveScan<T>(ReadOnlySpan<T> send, Span<T> recv, ReduceOp op) where T : unmanaged, INumber<T>
    {
        int c = send.Length;
        if (recv.Length != c) throw new ArgumentException("send and recv lengths differ");
        if (send.Overlaps(recv)) throw new ArgumentException("send and recv must not overlap");
        fixed (T* s = send)
        {
            Publish(s, null);
            recv.Clear();
            if (Rank > 0)
            {
                Src<T>(0, c).CopyTo(recv);
                for (int q = 1; q < Rank; q++) Reduction.Combine(recv, Src<T>(q, c), op);
            }
            _group.Sync();
        }
        Stats.Record(nameof(ExclusiveScan), CollectiveCost.ExclusiveScan((long)c * sizeof(T), Size));
    }

    public void AllToAll<T>(ReadOnlySpan<T> send, Span<T> recv) where T : unmanaged
    {
        if (send.Length != recv.Length || send.Length % Size != 0) throw new ArgumentException("send and recv must hold Size equal blocks");
        if (send.Overlaps(recv)) throw new ArgumentException("send and recv must not overlap");
        int c = send.Length / Size;
        fixed (T* s = send)
        {
            Publish(s, null);
            for (int q = 0; q < Size; q++)
                new ReadOnlySpan<T>((T*)_group.Send[q] + (long)Rank * c, c).CopyTo(recv.Slice(q * c, c));
            _group.Sync();
        }
        Stats.Record(nameof(AllToAll), CollectiveCost.AllToAll((long)c * sizeof(T), Size));
    }

    public void Dispose()
    {
        // The group is shared; nothing per rank to release.
    }

    /// <summary>Publishes this rank's buffers and waits until every rank has published.</summary>
    private void Publish(void* send, void* recv)
    {
        _group.Send[Rank] = (nint)send;
        _group.Recv[Rank] = (nint)recv;
        _group.Sync();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ReadOnlySpan<T> Src<T>(int rank, int count) where T : unmanaged => new((T*)_group.Send[rank], count);

    /// <summary>dst = op over q = 0..p−1 of send_q[offset .. offset+dst.Length].</summary>
    private void ReduceInRankOrder<T>(Span<T> dst, int offset, ReduceOp op) where T : unmanaged, INumber<T>
    {
        if (dst.IsEmpty) return;
        var first = new ReadOnlySpan<T>((T*)_group.Send[0] + offset, dst.Length);
        if (Size == 1)
        {
            first.CopyTo(dst);
            return;
        }
        Reduction.Combine(first, new ReadOnlySpan<T>((T*)_group.Send[1] + offset, dst.Length), dst, op);
        for (int q = 2; q < Size; q++)
            Reduction.Combine(dst, new ReadOnlySpan<T>((T*)_group.Send[q] + offset, dst.Length), op);
    }

    private void CheckRoot(int root)
    {
        if ((uint)root >= (uint)Size) throw new ArgumentOutOfRangeException(nameof(root), $"root {root} is not a rank of a group of {Size}");
    }
}
