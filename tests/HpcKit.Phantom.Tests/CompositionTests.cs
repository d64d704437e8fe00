using HpcKit.Core.Comm;
using HpcKit.Neural;
using HpcKit.Phantom.Layers;
using HpcKit.Phantom.Model;

namespace HpcKit.Phantom.Tests;

/// <summary>
/// Spec §3.3 "autograd packaging": the fused PhantomLayer equals the composition of Neural's own layers around the
/// one new primitive — Linear(W_rr, b) on a_r, Linear(C_r) → PhantomExchange → Linear(D_r) on the packed remote
/// ghosts, summed, then Tanh — in outputs, input gradient and every parameter gradient (fp64).
/// </summary>
public class CompositionTests
{
    [Theory]
    [InlineData(2, 3)]
    [InlineData(3, 2)]
    [InlineData(4, 1)]
    public void FusedLayerEqualsComposedNeuralLayers(int p, int k)
    {
        const int n = 24, B = 5;
        int m = n / p;
        var cfg = new NetworkConfig { Mode = ParallelMode.Phantom, Width = n, Ranks = p, Ghosts = k, Layers = 1, Batch = B, Activation = Activation.Tanh, Seed = 4 };
        var errors = Ranks.Run(p, comm =>
        {
            int r = comm.Rank;
            var fused = new PhantomLayer<double>(comm, cfg, 1, B, null);
            var a = Harness.RandomArray<double>(B * m, 30, (ulong)r);
            var dy = Harness.RandomArray<double>(B * m, 31, (ulong)r);
            var yF = fused.Forward(a, B).AsSpan(0, B * m).ToArray();
            var daF = fused.Backward(dy, B)!.AsSpan(0, B * m).ToArray();

            var local = new Linear<double>(m, m);
            fused.W.Value.Span.CopyTo(local.Weight.Value.Span);
            var compress = new Linear<double>(m, k, bias: false);
            fused.C.Value.Span.CopyTo(compress.Weight.Value.Span);
            var decompress = new Linear<double>((p - 1) * k, m, bias: false);
            fused.D.Value.Span.CopyTo(decompress.Weight.Value.Span);
            var act = new Tanh<double>();
            var exchange = new PhantomExchange<double>(comm, false);
            var x = new Tensor<double>(a, B, m);
            var zLocal = local.Forward(x).Clone();
            var g = compress.Forward(x);
            var all = new double[p * B * k];
            exchange.Forward(g.Span, all);
            var packed = new Tensor<double>(B, (p - 1) * k);
            for (int i = 0; i < B; i++)
                for (int s = 0, j = 0; s < p; s++)
                {
                    if (s == r) continue;
                    all.AsSpan(s * B * k + i * k, k).CopyTo(packed.Span.Slice(i * (p - 1) * k + j * k, k));
                    j++;
                }
            var zRemote = decompress.Forward(packed);
            var z = zLocal.Clone();
            System.Numerics.Tensors.TensorPrimitives.Add(z.Span, zRemote.Span, z.Span);
            var y = act.Forward(z);
            var bad = new List<string>();
            if (Harness.RelErr<double>(yF, y.Span) > 1e-12) bad.Add("output");
            var dz = act.Backward(new Tensor<double>(dy, B, m)).Clone();
            var da = local.Backward(dz).Clone();
            var dPacked = decompress.Backward(dz);
            var h = new double[p * B * k];
            for (int i = 0; i < B; i++)
                for (int s = 0, j = 0; s < p; s++)
                {
                    if (s == r) continue;
                    dPacked.Span.Slice(i * (p - 1) * k + j * k, k).CopyTo(h.AsSpan(s * B * k + i * k, k));
                    j++;
                }
            var dg = new double[B * k];
            exchange.Backward(h, dg);
            var da2 = compress.Backward(new Tensor<double>(dg, B, k));
            System.Numerics.Tensors.TensorPrimitives.Add(da.Span, da2.Span, da.Span);
            if (Harness.RelErr<double>(daF, da.Span) > 1e-10) bad.Add("input gradient");
            if (Harness.RelErr<double>(fused.W.Gradient.Span, local.Weight.Gradient.Span) > 1e-10) bad.Add("W_rr");
            if (Harness.RelErr<double>(fused.Bias.Gradient.Span, local.Bias!.Gradient.Span) > 1e-10) bad.Add("b");
            if (Harness.RelErr<double>(fused.C.Gradient.Span, compress.Weight.Gradient.Span) > 1e-10) bad.Add("C");
            if (Harness.RelErr<double>(fused.D.Gradient.Span, decompress.Weight.Gradient.Span) > 1e-10) bad.Add("D");
            return bad.Count == 0 ? null : $"rank {r}: {string.Join(", ", bad)}";
        }, RankTransport.Threads);
        Assert.All(errors, e => Assert.Null(e));
    }
}
