using System.Buffers;
using System.Numerics;

namespace HpcKit.Core.Comm;

/// <summary>
/// MPI_COMM_WORLD of the system's OpenMPI, through P/Invoke. Payloads move as bytes; reductions are
/// exchanges (all-to-all, all-gather) followed by a local combination in rank order, so results equal
/// <see cref="ThreadCommunicator"/>'s bit for bit. Obtain it with <see cref="World"/> (or <see cref="Ranks.Run"/>).
/// </summary>
public sealed unsafe class MpiCommunicator : ICommunicator
{
    private static readonly Lock Gate = new();
    private static MpiCommunicator? _world;

    private MpiCommunicator(int rank, int size)
    {
        Rank = rank;
        Size = size;
    }

    public int Rank { get; }

    public int Size { get; }

    public string Transport => "mpi";

    public CommStats Stats { get; } = new();

    /// <summary>True when this process was started by OpenMPI's mpirun/mpiexec.</summary>
    public static bool IsLaunchedByMpirun =>
        Environment.GetEnvironmentVariable("OMPI_COMM_WORLD_SIZE") is not null
        || Environment.GetEnvironmentVariable("PMIX_RANK") is not null;

    /// <summary>Whether libmpi.so.40 can be loaded; the reason when not.</summary>
    public static (bool Available, string Detail) Probe()
    {
        string? err = MpiNative.TryLoad();
        return err == null ? (true, "OpenMPI libmpi.so.40") : (false, err);
    }

    /// <summary>MPI_COMM_WORLD; initialises MPI on first use and finalises it at process exit.</summary>
    public static MpiCommunicator World
    {
        get
        {
            lock (Gate)
            {
                if (_world != null) return _world;
                string? err = MpiNative.TryLoad();
                if (err != null) throw new HpcKitUsageException("MPI was requested but " + err);
                int flag;
                MpiNative.Check(MpiNative.Initialized(&flag), "MPI_Initialized");
                if (flag == 0)
                {
                    MpiNative.Check(MpiNative.Init(null, null), "MPI_Init");
                    AppDomain.CurrentDomain.ProcessExit += (_, _) => MpiNative.Finalize();
                }
                int rank, size;
                MpiNative.Check(MpiNative.CommRank(MpiNative.CommWorld, &rank), "MPI_Comm_rank");
                MpiNative.Check(MpiNative.CommSize(MpiNative.CommWorld, &size), "MPI_Comm_size");
                _world = new MpiCommunicator(rank, size);
                return _world;
            }
        }
    }

    public void Barrier()
    {
        MpiNative.Check(MpiNative.Barrier(MpiNative.CommWorld), "MPI_Barrier");
        Stats.Record(nameof(Barrier), default);
    }

    public void Broadcast<T>(Span<T> buffer, int root) where T : unmanaged
    {
        if ((uint)root >= (uint)Size) throw new ArgumentOutOfRangeException(nameof(root));
        fixed (T* b = buffer)
            MpiNative.Check(MpiNative.Bcast(b, Bytes<T>(buffer.Length), MpiNative.Byte, root, MpiNative.CommWorld), "MPI_Bcast");
        Stats.Record(nameof(Broadcast), CollectiveCost.Broadcast((long)buffer.Length * sizeof(T), Size, Rank, root));
    }

    public void AllReduce<T>(ReadOnlySpan<T> send, Span<T> recv, ReduceOp op) where T : unmanaged, INumber<T>
    {
        int n = send.Length;
        if (recv.Length != n) throw new ArgumentException("send and recv lengths differ");
        var mine = BlockRange.Of(n, Size, Rank);
        int c = (int)mine.Count;
        var sc = new int[Size]; var sd = new int[Size]; var rc = new int[Size]; var rd = new int[Size];
        for (int q = 0; q < Size; q++)
        {
            var b = BlockRange.Of(n, Size, q);
            sc[q] = Bytes<T>((int)b.Count); sd[q] = Bytes<T>((int)b.Start);
            rc[q] = Bytes<T>(c); rd[q] = Bytes<T>(q * c);
        }
        T[] parts = ArrayPool<T>.Shared.Rent(Math.Max(1, c * Size));
        T[] block = ArrayPool<T>.Shared.Rent(Math.Max(1, c));
        try
        {
            fixed (T* s = send)
            fixed (T* pp = parts)
            fixed (int* psc = sc, psd = sd, prc = rc, prd = rd)
                MpiNative.Check(MpiNative.Alltoallv(s, psc, psd, MpiNative.Byte, pp, prc, prd, MpiNative.Byte, MpiNative.CommWorld), "MPI_Alltoallv");
            ReduceBlocks(parts.AsSpan(0, c * Size), block.AsSpan(0, c), op);
            for (int q = 0; q < Size; q++)
            {
                var b = BlockRange.Of(n, Size, q);
                rc[q] = Bytes<T>((int)b.Count); rd[q] = Bytes<T>((int)b.Start);
            }
            fixed (T* bl = block)
            fixed (T* r = recv)
            fixed (int* prc = rc, prd = rd)
                MpiNative.Check(MpiNative.Allgatherv(bl, Bytes<T>(c), MpiNative.Byte, r, prc, prd, MpiNative.Byte, MpiNative.CommWorld), "MPI_Allgatherv");
        }
        finally
        {
            ArrayPool<T>.Shared.Return(parts);
            ArrayPool<T>.Shared.Return(block);
        }
        Stats.Record(nameof(AllReduce), CollectiveCost.AllReduce(n, sizeof(T), Size, Rank));
    }

    public void AllGather<T>(ReadOnlySpan<T> send, Span<T> recv) where T : unmanaged
    {
        int c = send.Length;
        if (recv.Length != c * Size) throw new ArgumentException($"recv must hold Size·{c} elements");
        fixed (T* s = send)
        fixed (T* r = recv)
            MpiNative.Check(MpiNative.Allgather(s, Bytes<T>(c), MpiNative.Byte, r, Bytes<T>(c), MpiNative.Byte, MpiNative.CommWorld), "MPI_Allgather");
        Stats.Record(nameof(AllGather), CollectiveCost.AllGather((long)c * sizeof(T), Size));
    }

    public void AllGatherV<T>(ReadOnlySpan<T> send, Span<T> recv, ReadOnlySpan<int> counts) where T : unmanaged
    {
        if (counts.Length != Size || counts[Rank] != send.Length) throw new ArgumentException("counts must have one entry per rank, matching send");
        var rc = new int[Size]; var rd = new int[Size];
        long off = 0;
        for (int q = 0; q < Size; q++)
        {
            rc[q] = Bytes<T>(counts[q]);
            rd[q] = Bytes<T>(checked((int)off));
            off += counts[q];
        }
        if (recv.Length != off) throw new ArgumentException($"recv must hold {off} elements");
        fixed (T* s = send)
        fixed (T* r = recv)
        fixed (int* prc = rc, prd = rd)
            MpiNative.Check(MpiNative.Allgatherv(s, Bytes<T>(send.Length), MpiNative.Byte, r, prc, prd, MpiNative.Byte, MpiNative.CommWorld), "MPI_Allgatherv");
        Stats.Record(nameof(AllGatherV), CollectiveCost.AllGatherV((long)send.Length * sizeof(T), off * sizeof(T), Size));
    }

    public void ReduceScatter<T>(ReadOnlySpan<T> send, Span<T> recv, ReduceOp op) where T : unmanaged, INumber<T>
    {
        int c = recv.Length;
        if (send.Length != c * Size) throw new ArgumentException($"send must hold Size·{c} elements");
        T[] parts = ArrayPool<T>.Shared.Rent(Math.Max(1, c * Size));
        try
        {
            fixed (T* s = send)
            fixed (T* pp = parts)
                MpiNative.Check(MpiNative.Alltoall(s, Bytes<T>(c), MpiNative.Byte, pp, Bytes<T>(c), MpiNative.Byte, MpiNative.CommWorld), "MPI_Alltoall");
            ReduceBlocks(parts.AsSpan(0, c * Size), recv, op);
        }
        finally
        {
            ArrayPool<T>.Shared.Return(parts);
        }
        Stats.Record(nameof(ReduceScatter), CollectiveCost.ReduceScatter((long)c * sizeof(T), Size));
    }

    public void ExclusiveScan<T>(ReadOnlySpan<T> send, Span<T> recv, ReduceOp op) where T : unmanaged, INumber<T>
    {
        int c = send.Length;
        if (recv.Length != c) throw new ArgumentException("send and recv lengths differ");
        T[] all = ArrayPool<T>.Shared.Rent(Math.Max(1, c * Size));
        try
        {
            fixed (T* s = send)
            fixed (T* a = all)
                MpiNative.Check(MpiNative.Allgather(s, Bytes<T>(c), MpiNative.Byte, a, Bytes<T>(c), MpiNative.Byte, MpiNative.CommWorld), "MPI_Allgather");
            recv.Clear();
            if (Rank > 0) ReduceBlocks(all.AsSpan(0, c * Rank), recv, op);
        }
        finally
        {
            ArrayPool<T>.Shared.Return(all);
        }
        Stats.Record(nameof(ExclusiveScan), CollectiveCost.ExclusiveScan((long)c * sizeof(T), Size));
    }

    public void AllToAll<T>(ReadOnlySpan<T> send, Span<T> recv) where T : unmanaged
    {
        if (send.Length != recv.Length || send.Length % Size != 0) throw new ArgumentException("send and recv must hold Size equal blocks");
        int c = send.Length / Size;
        fixed (T* s = send)
        fixed (T* r = recv)
            MpiNative.Check(MpiNative.Alltoall(s, Bytes<T>(c), MpiNative.Byte, r, Bytes<T>(c), MpiNative.Byte, MpiNative.CommWorld), "MPI_Alltoall");
        Stats.Record(nameof(AllToAll), CollectiveCost.AllToAll((long)c * sizeof(T), Size));
    }

    public void Dispose()
    {
        // MPI_COMM_WORLD lives until process exit.
    }

    /// <summary>dst = op over the consecutive blocks of <paramref name="blocks"/>, in order.</summary>
    private static void ReduceBlocks<T>(ReadOnlySpan<T> blocks, Span<T> dst, ReduceOp op) where T : unmanaged, INumber<T>
    {
        int c = dst.Length;
        if (c == 0) return;
        if (blocks.Length < 2 * c)
        {
            blocks[..c].CopyTo(dst);
            return;
        }
        Reduction.Combine(blocks[..c], blocks.Slice(c, c), dst, op);
        for (int q = 2; q * c < blocks.Length; q++) Reduction.Combine(dst, blocks.Slice(q * c, c), op);
    }

    private static int Bytes<T>(int count) where T : unmanaged
    {
        long b = (long)count * sizeof(T);
        if (b > int.MaxValue) throw new ArgumentException("an MPI block above 2 GiB is not supported; split the call");
        return (int)b;
    }
}
