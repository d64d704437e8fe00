using HpcKit.Core.Comm;

namespace HpcKit.Testing;

/// <summary>
/// Conformance checks for an <see cref="ICommunicator"/>: every collective against a sequential reference
/// computed from rank-deterministic inputs, and CommStats against the closed-form byte counts. Shared by the
/// xunit tests (thread ranks) and the MPI host (mpirun), so both transports pass the same suite.
/// </summary>
internal static class CollectiveSuite
{
    public static IEnumerable<(string Name, Action<ICommunicator> Check)> All()
    {
        yield return ("broadcast", Broadcast);
        yield return ("allreduce-sum-max-min", AllReduce);
        yield return ("allreduce-in-place", AllReduceInPlace);
        yield return ("allgather", AllGather);
        yield return ("allgatherv", AllGatherV);
        yield return ("reduce-scatter", ReduceScatter);
        yield return ("exclusive-scan", ExclusiveScan);
        yield return ("alltoall", AllToAll);
        yield return ("commstats-closed-form", StatsClosedForm);
    }

    /// <summary>Value of element i on rank r: distinct, exactly representable, and with ties across ranks.</summary>
    private static double V(int r, int i) => ((r * 7919 + i * 104729) % 1000) * 0.25 - 100;

    private static void Broadcast(ICommunicator c)
    {
        for (int root = 0; root < c.Size; root++)
        {
            var buf = new long[37];
            for (int i = 0; i < buf.Length; i++) buf[i] = c.Rank == root ? 1000 * root + i : -1;
            c.Broadcast<long>(buf, root);
            for (int i = 0; i < buf.Length; i++) Expect(buf[i] == 1000 * root + i, $"broadcast root {root} element {i}");
        }
    }

    private static void AllReduce(ICommunicator c)
    {
        foreach (int n in new[] { 0, 1, 5, c.Size * 3 + 2, 1001 })
        {
            var send = new double[n];
            for (int i = 0; i < n; i++) send[i] = V(c.Rank, i);
            foreach (var op in new[] { ReduceOp.Sum, ReduceOp.Max, ReduceOp.Min })
            {
                var recv = new double[n];
                c.AllReduce<double>(send, recv, op);
                for (int i = 0; i < n; i++)
                {
                    double e = V(0, i);
                    for (int r = 1; r < c.Size; r++) e = op switch { ReduceOp.Sum => e + V(r, i), ReduceOp.Max => Math.Max(e, V(r, i)), _ => Math.Min(e, V(r, i)) };
                    Expect(recv[i] == e, $"allreduce {op} n={n} element {i}: {recv[i]} != {e}");
                }
            }
        }
        var ints = new[] { c.Rank + 1, -c.Rank };
        c.AllReduce<int>(ints, ints, ReduceOp.Sum);
        Expect(ints[0] == c.Size * (c.Size + 1) / 2 && ints[1] == -c.Size * (c.Size - 1) / 2, "allreduce int");
    }

    private static void AllReduceInPlace(ICommunicator c)
    {
        var data = new float[17];
        for (int i = 0; i < data.Length; i++) data[i] = (float)V(c.Rank, i);
        c.AllReduce<float>(data, ReduceOp.Sum);
        for (int i = 0; i < data.Length; i++)
        {
            float e = (float)V(0, i);
            for (int r = 1; r < c.Size; r++) e += (float)V(r, i);
            Expect(data[i] == e, $"in-place allreduce element {i}");
        }
    }

    private static void AllGather(ICommunicator c)
    {
        foreach (int k in new[] { 0, 1, 13 })
        {
            var send = new int[k];
            for (int i = 0; i < k; i++) send[i] = c.Rank * 100 + i;
            var recv = new int[k * c.Size];
            c.AllGather<int>(send, recv);
            for (int r = 0; r < c.Size; r++)
                for (int i = 0; i < k; i++) Expect(recv[r * k + i] == r * 100 + i, $"allgather k={k} block {r}");
        }
        var all = c.AllGather(c.Rank * 3);
        for (int r = 0; r < c.Size; r++) Expect(all[r] == r * 3, "scalar allgather");
    }

    private static void AllGatherV(ICommunicator c)
    {
        var counts = new int[c.Size];
        for (int r = 0; r < c.Size; r++) counts[r] = (r * 5) % 4;
        var send = new double[counts[c.Rank]];
        for (int i = 0; i < send.Length; i++) send[i] = V(c.Rank, i);
        var recv = new double[counts.Sum()];
        c.AllGatherV<double>(send, recv, counts);
        int off = 0;
        for (int r = 0; r < c.Size; r++)
            for (int i = 0; i < counts[r]; i++) Expect(recv[off++] == V(r, i), $"allgatherv block {r} element {i}");
    }

    private static void ReduceScatter(ICommunicator c)
    {
        const int k = 9;
        var send = new double[k * c.Size];
        for (int i = 0; i < send.Length; i++) send[i] = V(c.Rank, i);
        var recv = new double[k];
        c.ReduceScatter<double>(send, recv, ReduceOp.Sum);
        for (int i = 0; i < k; i++)
        {
            double e = V(0, c.Rank * k + i);
            for (int r = 1; r < c.Size; r++) e += V(r, c.Rank * k + i);
            Expect(recv[i] == e, $"reduce-scatter element {i}");
        }
    }

    private static void ExclusiveScan(ICommunicator c)
    {
        var send = new long[] { c.Rank + 1, 10L * (c.Rank + 1) };
        var recv = new long[2];
        c.ExclusiveScan<long>(send, recv, ReduceOp.Sum);
        long e = (long)c.Rank * (c.Rank + 1) / 2;
        Expect(recv[0] == e && recv[1] == 10 * e, $"exclusive scan on rank {c.Rank}: {recv[0]} != {e}");
        Expect(c.ExclusiveScan(2.5) == 2.5 * c.Rank, "scalar exclusive scan");
    }

    private static void AllToAll(ICommunicator c)
    {
        const int k = 3;
        var send = new int[k * c.Size];
        for (int q = 0; q < c.Size; q++)
            for (int i = 0; i < k; i++) send[q * k + i] = 10000 * c.Rank + 100 * q + i;
        var recv = new int[k * c.Size];
        c.AllToAll<int>(send, recv);
        for (int q = 0; q < c.Size; q++)
            for (int i = 0; i < k; i++) Expect(recv[q * k + i] == 10000 * q + 100 * c.Rank + i, $"alltoall from {q}");
    }

    private static void StatsClosedForm(ICommunicator c)
    {
        c.Stats.Reset();
        int p = c.Size;
        const int k = 1024;
        var buf = new float[k * p];
        var blk = new float[k];
        c.AllGather<float>(blk, buf);
        c.ReduceScatter<float>(buf, blk, ReduceOp.Sum);
        c.AllToAll<float>(buf, new float[k * p]);
        c.AllReduce<float>(buf, ReduceOp.Sum);
        var ag = c.Stats.For("AllGather");
        var rs = c.Stats.For("ReduceScatter");
        var aa = c.Stats.For("AllToAll");
        var ar = c.Stats.For("AllReduce");
        long chunk = 4L * k;
        Expect(ag.Calls == 1 && ag.BytesSent == (p - 1) * chunk && ag.BytesReceived == (p - 1) * chunk, "all-gather bytes = (p−1)·chunk");
        Expect(rs.BytesSent == (p - 1) * chunk && rs.BytesReceived == (p - 1) * chunk, "reduce-scatter bytes = (p−1)·chunk");
        Expect(aa.BytesSent == (p - 1) * chunk, "all-to-all bytes = (p−1)·chunk");
        Expect(ar.BytesSent == 2L * (p - 1) * chunk && ar.BytesReceived == 2L * (p - 1) * chunk, "all-reduce bytes = 2(p−1)·n/p");
        Expect(c.Stats.Calls == 4 && c.Stats.BytesSent == ag.BytesSent + rs.BytesSent + aa.BytesSent + ar.BytesSent, "totals");
        c.Stats.Reset();
    }

    private static void Expect(bool ok, string what)
    {
        if (!ok) throw new InvalidOperationException("mismatch: " + what);
    }
}
