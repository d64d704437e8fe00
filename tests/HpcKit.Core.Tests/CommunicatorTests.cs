using HpcKit.Core;
using HpcKit.Core.Comm;
using HpcKit.Testing;

namespace HpcKit.Core.Tests;

public class CommunicatorTests
{
    public static TheoryData<int, string> Cases()
    {
        var d = new TheoryData<int, string>();
        foreach (int p in new[] { 1, 2, 3, 4, 7 })
            foreach (var (name, _) in CollectiveSuite.All()) d.Add(p, name);
        return d;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Collective_matches_sequential_reference_on_thread_ranks(int p, string check)
    {
        var action = CollectiveSuite.All().Single(c => c.Name == check).Check;
        Ranks.Run(p, action, RankTransport.Threads);
    }

    [Fact]
    public void Reductions_are_bit_identical_run_to_run()
    {
        double[] Run() => Ranks.Run(3, c =>
        {
            var v = new double[1000];
            var r = new HpcKit.Core.Random.RandomStream(5, (ulong)c.Rank);
            for (int i = 0; i < v.Length; i++) v[i] = r.NextNormal() * 1e8 + r.NextDouble();
            c.AllReduce<double>(v, ReduceOp.Sum);
            return v;
        }, RankTransport.Threads)[1];
        Assert.Equal(Run(), Run());
    }

    [Fact]
    public void A_failing_rank_releases_the_others_and_its_exception_surfaces()
    {
        var e = Assert.Throws<InvalidOperationException>(() => Ranks.Run(3, c =>
        {
            if (c.Rank == 1) throw new InvalidOperationException("rank 1 failed");
            c.Barrier();
        }, RankTransport.Threads));
        Assert.Equal("rank 1 failed", e.Message);
    }

    [Fact]
    public void Bad_arguments_are_rejected()
    {
        Assert.Throws<HpcKitUsageException>(() => Ranks.Run(0, _ => { }, RankTransport.Threads));
        Assert.Throws<ArgumentException>(() => Ranks.Run(2, c => c.AllGather<int>(new int[2], new int[3]), RankTransport.Threads));
    }

    [Fact]
    public void Requesting_mpi_outside_mpirun_fails_clearly_or_runs_a_world_of_one()
    {
        // Outside mpirun, OpenMPI starts a singleton world of size 1 when the library is present.
        var (available, _) = MpiCommunicator.Probe();
        if (!available)
        {
            var e = Assert.Throws<HpcKitUsageException>(() => Ranks.Run(1, _ => { }, RankTransport.Mpi));
            Assert.Contains("MPI was requested", e.Message, StringComparison.Ordinal);
        }
        else
        {
            Assert.False(MpiCommunicator.IsLaunchedByMpirun);
            Assert.Equal(RankTransport.Threads, Ranks.Resolve(RankTransport.Auto));
        }
    }

    [Fact]
    public void Broadcast_cost_follows_the_binomial_tree()
    {
        // p = 5, root 0: rank 0 sends to 1, 2, 4; rank 1 to 3; every non-root receives once.
        long[] sent = [.. Enumerable.Range(0, 5).Select(r => CollectiveCost.Broadcast(8, 5, r, 0).Sent)];
        Assert.Equal([24L, 8, 0, 0, 0], sent);
        Assert.Equal(32, Enumerable.Range(0, 5).Sum(r => CollectiveCost.Broadcast(8, 5, r, 0).Received));
    }

    [Theory]
    [InlineData(10, 3, 0, 0, 4)]
    [InlineData(10, 3, 1, 4, 3)]
    [InlineData(10, 3, 2, 7, 3)]
    [InlineData(2, 4, 3, 2, 0)]
    public void Block_range_splits_evenly(long n, int parts, int part, long start, long count)
    {
        Assert.Equal(new BlockRange(start, count), BlockRange.Of(n, parts, part));
    }
}
