using HpcKit.Core.Comm;
using HpcKit.Graphs.Generation;
using HpcKit.Graphs.Model;
using HpcKit.Graphs.Partitioning;

namespace HpcKit.MpiHost;

/// <summary>
/// Chung–Lu under mpirun: for every scheme the edge count and fingerprint equal those of the single-rank threaded
/// run; parallel UCP boundaries equal the sequential ones; a merged binary file has the sequential file's header
/// and edge set (the kernel interleaves rows, so edge order depends on each rank's row list).
/// </summary>
internal sealed class GraphsChecks : IMpiCheckSet
{
    private static ChungLuModel Model()
    {
        var w = PowerLawWeights.Create(30_000, 2.3, 12, 300);
        var rng = new Core.Random.RandomStream(8, 8);
        rng.Shuffle(w.AsSpan());
        return new ChungLuModel(w, new ChungLuOptions { Seed = 99 });
    }

    public IEnumerable<(string Name, Action<ICommunicator> Check)> Checks()
    {
        foreach (var scheme in new[] { PartitionScheme.Unp, PartitionScheme.Rrp, PartitionScheme.Ucp })
            yield return ($"chunglu fingerprint {scheme.ToString().ToLowerInvariant()} equals threaded P=1", comm => SameHash(comm, scheme));
        yield return ("chunglu parallel UCP boundaries equal sequential", Boundaries);
        yield return ("chunglu merged binary file equals sequential file", MergedFile);
    }

    private static void SameHash(ICommunicator comm, PartitionScheme scheme)
    {
        var model = Model();
        var expected = Ranks.Run(1, c => ChungLuRun.Execute(c, model, new GenerateRequest()), RankTransport.Threads)[0];
        var got = ChungLuRun.Execute(comm, model, new GenerateRequest { Scheme = scheme });
        if (got.Edges != expected.Edges || got.Fingerprint != expected.Fingerprint)
            throw new InvalidOperationException($"{scheme}: m={got.Edges} fp={got.Fingerprint:x16}, threaded m={expected.Edges} fp={expected.Fingerprint:x16}");
        long rows = got.Ranks.Sum(r => r.Rows);
        if (rows != model.N) throw new InvalidOperationException($"{rows} rows assigned for n = {model.N}");
    }

    private static void Boundaries(ICommunicator comm)
    {
        var model = Model();
        var b = CostBalancedPartition.Compute(comm, model);
        var s = CostBalancedPartition.Sequential(model, comm.Size);
        if (!b.SequenceEqual(s)) throw new InvalidOperationException($"parallel [{string.Join(",", b)}] vs sequential [{string.Join(",", s)}]");
    }

    private static List<(int, int)> Pairs(byte[] file)
    {
        var list = new List<(int, int)>();
        for (int i = 64; i < file.Length; i += 8) list.Add((BitConverter.ToInt32(file, i), BitConverter.ToInt32(file, i + 4)));
        list.Sort();
        return list;
    }

    private static void MergedFile(ICommunicator comm)
    {
        var model = Model();
        long tag = comm.Broadcast(Environment.TickCount64 ^ Environment.ProcessId, 0);
        string dir = Path.Combine(Path.GetTempPath(), $"hk-graphs-mpi-{tag}");
        string seq = Path.Combine(dir, "seq.bin"), par = Path.Combine(dir, "par.bin");
        try
        {
            if (comm.Rank == 0) Ranks.Run(1, c => ChungLuRun.Execute(c, model, new GenerateRequest { Format = EdgeFormat.Bin, Out = seq }), RankTransport.Threads);
            ChungLuRun.Execute(comm, model, new GenerateRequest { Format = EdgeFormat.Bin, Out = par });
            if (comm.Rank == 0)
            {
                byte[] a = File.ReadAllBytes(seq), b = File.ReadAllBytes(par);
                if (!a.AsSpan(0, 64).SequenceEqual(b.AsSpan(0, 64)) || !Pairs(a).SequenceEqual(Pairs(b)))
                    throw new InvalidOperationException("merged MPI binary differs from the sequential file (header or edge set)");
            }
        }
        finally
        {
            comm.Barrier();
            if (comm.Rank == 0 && Directory.Exists(dir)) Directory.Delete(dir, true);
        }
    }
}
