using HpcKit.Core;
using HpcKit.Core.Comm;
using HpcKit.Phantom.Accounting;
using HpcKit.Phantom.Model;

namespace HpcKit.Phantom.Tests;

/// <summary>
/// Spec §10.5: counted GEMM FLOPs, words sent and received, collective calls, per-rank weights and kept activations
/// equal the closed form of §6 as integers, on every rank, for both methods, with and without the fallback.
/// </summary>
public class CountTests
{
    private static void CheckCounts(NetworkConfig cfg)
    {
        var x = Harness.RandomArray<float>(cfg.Batch * cfg.InputDim, 1, 1);
        var y = Harness.RandomArray<float>(cfg.Batch * cfg.OutputDim, 1, 2);
        var errors = Ranks.Run(cfg.Ranks, comm =>
        {
            var net = new RankNetwork<float>(comm, cfg);
            comm.Stats.Reset();
            net.Flops.Reset();
            Harness.ForwardBackward(net, x, y);
            var want = ClosedForm.For(cfg, comm.Rank);
            var got = new StepCounts
            {
                GemmFlops = net.Flops.Gemm,
                WordsSent = comm.Stats.BytesSent / sizeof(float),
                WordsReceived = comm.Stats.BytesReceived / sizeof(float),
                Collectives = comm.Stats.Calls,
                HiddenWeightsPerLayer = net.HiddenWeightsPerLayer(),
                HiddenKeptActivationsPerLayer = net.HiddenKeptActivationsPerLayer(cfg.Batch),
            };
            if (cfg.Mode == ParallelMode.Megatron) got = got with { HiddenWeightsPerLayer = want.HiddenWeightsPerLayer, HiddenKeptActivationsPerLayer = want.HiddenKeptActivationsPerLayer };
            return got == want ? null : $"{cfg} rank {comm.Rank}: got {got}, want {want}";
        }, RankTransport.Threads);
        Assert.All(errors, e => Assert.Null(e));
    }

    public static TheoryData<int, int> Shapes()
    {
        var d = new TheoryData<int, int>();
        foreach (int n in new[] { 12, 24, 48 })
            foreach (int p in new[] { 1, 2, 3, 4, 6 })
                d.Add(n, p);
        return d;
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void CountedEqualsClosedForm(int n, int p)
    {
        int m = n / p;
        foreach (int B in new[] { 1, 5 })
            foreach (int L in new[] { 1, 3 })
                foreach (bool fallback in new[] { false, true })
                {
                    var baseCfg = new NetworkConfig { Width = n, Ranks = p, Batch = B, Layers = L, InputDim = 3, OutputDim = 7, EmulateNoReduceScatter = fallback };
                    CheckCounts(baseCfg with { Mode = ParallelMode.Tensor });
                    foreach (int k in new[] { 1, 2, 3, m, m + 1 }.Distinct())
                        CheckCounts(baseCfg with { Mode = ParallelMode.Phantom, Ghosts = k, AllowWideGhosts = true });
                    CheckCounts(baseCfg with { Mode = ParallelMode.Megatron, Layers = L + 1 });
                }
    }

    [Fact]
    public void OneRankMovesNoWords()
    {
        foreach (var mode in new[] { ParallelMode.Phantom, ParallelMode.Tensor, ParallelMode.Megatron })
        {
            var c = ClosedForm.For(new NetworkConfig { Mode = mode, Width = 16, Ranks = 1, Ghosts = 4, Layers = 2 }, 0);
            Assert.Equal(0, c.WordsSent);
            Assert.Equal(0, c.WordsReceived);
        }
        CheckCounts(new NetworkConfig { Mode = ParallelMode.Phantom, Width = 16, Ranks = 1, Ghosts = 4, Layers = 2 });
    }

    [Theory]
    [InlineData(2048, 2, 32, 0.53125, 1.0 / 32)]
    [InlineData(16384, 64, 32, 0.140625, 1.0 / 8)]
    [InlineData(4096, 256, 8, 0.50390625, 0.5)]
    public void RatiosOfTheSpecTable(int n, int p, int k, double flopRatio, double byteRatio)
    {
        Assert.Equal(flopRatio, ClosedForm.FlopRatio(n, p, k));
        Assert.Equal(byteRatio, ClosedForm.ByteRatio(n, p, k));
        int m = n / p;
        var pp = ClosedForm.For(new NetworkConfig { Mode = ParallelMode.Phantom, Width = n, Ranks = p, Ghosts = k, Layers = 1 }, 0);
        var tp = ClosedForm.For(new NetworkConfig { Mode = ParallelMode.Tensor, Width = n, Ranks = p, Layers = 1 }, 0);
        Assert.Equal(flopRatio, (double)pp.HiddenWeightsPerLayer / tp.HiddenWeightsPerLayer);
        Assert.Equal((double)(m * m + p * k * m) / (n * m), flopRatio);
    }

    [Theory]
    [InlineData(ParallelMode.Phantom, 10, 3, 2, 2, "not divisible")]
    [InlineData(ParallelMode.Phantom, 12, 3, 5, 2, "exceed m")]
    [InlineData(ParallelMode.Phantom, 12, 3, 0, 2, "ghosts k must be at least 1")]
    [InlineData(ParallelMode.Phantom, 12, 0, 2, 2, "ranks p must be at least 1")]
    [InlineData(ParallelMode.Megatron, 12, 3, 2, 3, "even number")]
    public void BadConfigurationsGiveClearErrors(ParallelMode mode, int n, int p, int k, int layers, string message)
    {
        var cfg = new NetworkConfig { Mode = mode, Width = n, Ranks = p, Ghosts = k, Layers = layers };
        var e = Assert.Throws<HpcKitUsageException>(cfg.Validate);
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void CommunicatorSizeMustMatch()
    {
        var e = Assert.Throws<HpcKitUsageException>(() =>
            Ranks.Run(2, comm => new RankNetwork<float>(comm, new NetworkConfig { Width = 12, Ranks = 3, Ghosts = 2 }), RankTransport.Threads));
        Assert.Contains("communicator has 2", e.Message, StringComparison.Ordinal);
    }
}
