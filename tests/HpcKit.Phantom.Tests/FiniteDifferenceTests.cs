using HpcKit.Core.Comm;
using HpcKit.Neural;
using HpcKit.Phantom.Model;

namespace HpcKit.Phantom.Tests;

/// <summary>
/// Spec §10.3: fp64 central differences, h = 1e−6·max(1, |θ|), on n = 12, p = 3, k = 2, B = 5, L = 2, d_in = 3, d_out = 2
/// with tanh; 20 coordinates of every parameter tensor on every rank, and of the input; pass if
/// |fd − an| / max(1e−8, |fd| + |an|) ≤ 1e−6.
/// </summary>
public class FiniteDifferenceTests
{
    private static readonly NetworkConfig Cfg = new()
    {
        Mode = ParallelMode.Phantom, Width = 12, Ranks = 3, Ghosts = 2, Layers = 2, Batch = 5, InputDim = 3, OutputDim = 2,
        Activation = Activation.Tanh, Seed = 21,
    };

    [Fact]
    public void EveryPhantomParameterGradientMatchesCentralDifferences()
    {
        var x = Harness.RandomArray<double>(Cfg.Batch * Cfg.InputDim, 3, 1);
        var y = Harness.RandomArray<double>(Cfg.Batch * Cfg.OutputDim, 3, 2);
        var failures = Ranks.Run(Cfg.Ranks, comm =>
        {
            var net = new RankNetwork<double>(comm, Cfg);
            net.Input.InputGradientRequired = true;
            var (_, _, dx) = Harness.ForwardBackward(net, x, y);
            var bad = new List<string>();
            int probes = 0;
            double Loss()
            {
                var o = net.Forward(x, Cfg.Batch).AsSpan(0, Cfg.Batch * Cfg.OutputDim).ToArray();
                return new MseLoss<double>().Forward(new Tensor<double>(o, Cfg.Batch, Cfg.OutputDim), new Tensor<double>(y, Cfg.Batch, Cfg.OutputDim));
            }
            void Probe(string what, double[] values, int index, double analytic, bool mine)
            {
                double theta = values[index], h = 1e-6 * Math.Max(1, Math.Abs(theta));
                if (mine) values[index] = theta + h;
                double lp = Loss();
                if (mine) values[index] = theta - h;
                double lm = Loss();
                if (mine) values[index] = theta;
                double fd = (lp - lm) / (2 * h);
                probes++;
                if (mine && Math.Abs(fd - analytic) / Math.Max(1e-8, Math.Abs(fd) + Math.Abs(analytic)) > 1e-6)
                    bad.Add($"{what}[{index}]: fd {fd} analytic {analytic}");
            }
            var grads = net.Parameters.Select(q => q.Gradient.Span.ToArray()).ToArray();
            for (int owner = 0; owner < comm.Size; owner++)
            {
                for (int t = 0; t < net.Parameters.Count; t++)
                {
                    var q = net.Parameters[t];
                    bool replicated = q.Name == "head.b";
                    if (replicated && owner > 0) continue;
                    int len = q.Value.Length, count = Math.Min(20, len);
                    for (int c = 0; c < count; c++)
                    {
                        int index = (int)((long)c * len / count);
                        Probe($"rank {owner} {q.Name}", q.Value.Storage, index, grads[t][index], replicated || comm.Rank == owner);
                    }
                }
            }
            for (int c = 0; c < Math.Min(20, x.Length); c++)
            {
                var xs = x;
                double theta = xs[c], h = 1e-6 * Math.Max(1, Math.Abs(theta));
                var xp = (double[])x.Clone();
                xp[c] = theta + h;
                var xm = (double[])x.Clone();
                xm[c] = theta - h;
                double Lx(double[] input)
                {
                    var o = net.Forward(input, Cfg.Batch).AsSpan(0, Cfg.Batch * Cfg.OutputDim).ToArray();
                    return new MseLoss<double>().Forward(new Tensor<double>(o, Cfg.Batch, Cfg.OutputDim), new Tensor<double>(y, Cfg.Batch, Cfg.OutputDim));
                }
                double fd = (Lx(xp) - Lx(xm)) / (2 * h);
                probes++;
                if (Math.Abs(fd - dx![c]) / Math.Max(1e-8, Math.Abs(fd) + Math.Abs(dx[c])) > 1e-6) bad.Add($"x[{c}]: fd {fd} analytic {dx[c]}");
            }
            Assert.True(probes > 200);
            return bad;
        }, RankTransport.Threads);
        var all = failures.SelectMany(f => f).ToList();
        Assert.True(all.Count == 0, string.Join("\n", all.Take(10)));
    }
}
