namespace HpcKit.Core.Comm;

/// <summary>How ranks are realised.</summary>
public enum RankTransport
{
    /// <summary>MPI when started by mpirun, threads otherwise.</summary>
    Auto,
    Threads,
    Mpi,
}

/// <summary>
/// The launcher: <c>Ranks.Run(p, comm =&gt; ...)</c> runs the body on p ranks. In a plain process the ranks
/// are threads; under <c>mpirun -np p</c> the body runs once per process on MPI_COMM_WORLD (p is then the
/// world size, and a different requested p is an error). If one rank throws, the others are released and
/// the first exception is rethrown.
/// </summary>
public static class Ranks
{
    /// <summary>The transport <see cref="RankTransport.Auto"/> resolves to in this process.</summary>
    public static RankTransport Resolve(RankTransport requested) => requested switch
    {
        RankTransport.Auto => MpiCommunicator.IsLaunchedByMpirun ? RankTransport.Mpi : RankTransport.Threads,
        _ => requested,
    };

    /// <summary>Runs <paramref name="body"/> on every rank; returns the results of the ranks of this process, in rank order.</summary>
    public static IReadOnlyList<T> Run<T>(int ranks, Func<ICommunicator, T> body, RankTransport transport = RankTransport.Auto)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (Resolve(transport) == RankTransport.Mpi)
        {
            var world = MpiCommunicator.World;
            if (ranks > 0 && ranks != world.Size && ranks != 1)
                throw new HpcKitUsageException($"--ranks {ranks} does not match the MPI world size {world.Size}; omit --ranks under mpirun");
            return [body(world)];
        }
        if (ranks < 1) throw new HpcKitUsageException($"the number of ranks must be at least 1 (got {ranks})");
        var comms = ThreadCommunicator.CreateGroup(ranks);
        var results = new T[ranks];
        if (ranks == 1)
        {
            results[0] = body(comms[0]);
            return results;
        }
        Exception? first = null;
        var threads = new Thread[ranks];
        for (int r = 0; r < ranks; r++)
        {
            int rank = r;
            threads[r] = new Thread(() =>
            {
                try
                {
                    results[rank] = body(comms[rank]);
                }
                catch (OperationCanceledException) when (Volatile.Read(ref first) != null)
                {
                    // released because another rank failed
                }
                catch (Exception e)
                {
                    Interlocked.CompareExchange(ref first, e, null);
                    comms[rank].AbortGroup();
                }
            }, 16 << 20) { Name = $"rank {r}", IsBackground = true };
            threads[r].Start();
        }
        foreach (var t in threads) t.Join();
        if (first != null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(first).Throw();
        return results;
    }

    /// <summary>Runs <paramref name="body"/> on every rank.</summary>
    public static void Run(int ranks, Action<ICommunicator> body, RankTransport transport = RankTransport.Auto)
    {
        ArgumentNullException.ThrowIfNull(body);
        Run(ranks, c => { body(c); return 0; }, transport);
    }
}
