using HpcKit.Core.Comm;
using HpcKit.Phantom.Layers;
using HpcKit.Phantom.Model;

namespace HpcKit.Phantom.Tests;

/// <summary>Spec §10.4: with k ≥ m, C_s = [I; 0] and D_rs = [W_rs, 0] make W_eff equal any dense W bit for bit.</summary>
public class RepresentabilityTests
{
    [Theory]
    [InlineData(12, 3, 0)]
    [InlineData(12, 3, 1)]
    [InlineData(24, 4, 0)]
    [InlineData(24, 4, 1)]
    [InlineData(12, 2, 1)]
    public void WideGhostsRepresentAnyDenseMatrix(int n, int p, int extra)
    {
        int m = n / p, k = m + extra;
        var cfg = new NetworkConfig
        {
            Mode = ParallelMode.Phantom, Width = n, Ranks = p, Ghosts = k, Layers = 1, Batch = 4, InputDim = 5, OutputDim = 2,
            AllowWideGhosts = true, Seed = 3,
        };
        var dense = new DenseNetwork<double>(cfg with { Ranks = 1, Mode = ParallelMode.Tensor });
        var w = dense.HiddenW[0].Value.Storage; // an arbitrary dense W (random N(0, 2/n))
        var x = Harness.RandomArray<double>(cfg.Batch * cfg.InputDim, 4, 1);
        var y = Harness.RandomArray<double>(cfg.Batch * cfg.OutputDim, 4, 2);
        var outs = Ranks.Run(p, comm =>
        {
            var net = new RankNetwork<double>(comm, cfg);
            var layer = (PhantomLayer<double>)net.Hidden[0];
            int r = comm.Rank, ldd = (p - 1) * k;
            var wrr = layer.W.Value.Storage;
            for (int i = 0; i < m; i++)
                for (int j = 0; j < m; j++) wrr[i * m + j] = w[(r * m + i) * n + r * m + j];
            var c = layer.C.Value.Storage;
            Array.Clear(c);
            for (int i = 0; i < m; i++) c[i * m + i] = 1;
            var d = layer.D.Value.Storage;
            Array.Clear(d);
            for (int s = 0, blk = 0; s < p; s++)
            {
                if (s == r) continue;
                for (int i = 0; i < m; i++)
                    for (int j = 0; j < m; j++) d[i * ldd + blk * k + j] = w[(r * m + i) * n + s * m + j];
                blk++;
            }
            var (o, _, _) = Harness.ForwardBackward(net, x, y);
            return (net, o);
        }, RankTransport.Threads);
        var eff = EffectiveWeight.Assemble<double>(outs.Select(q => (PhantomLayer<double>)q.net.Hidden[0]).ToList());
        Assert.Equal(w, eff);
        var (od, _, _) = Harness.DenseStep(dense, cfg, x, y);
        Assert.True(Harness.RelErr<double>(outs[0].o, od) <= 1e-13);
    }
}
