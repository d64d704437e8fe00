using System.Numerics;
using HpcKit.Phantom.Model;

namespace HpcKit.Phantom.Tests;

/// <summary>Spec §10.1–2: PP equals the dense W_eff model; TP (1-D and Megatron) equals the dense model.</summary>
public class ReferenceTests
{
    private static NetworkConfig Cfg(ParallelMode mode, int p, int k, Activation act = Activation.Relu, int layers = 2) => new()
    {
        Mode = mode, Width = 24, Ranks = p, Ghosts = k, Layers = layers, Batch = 5, InputDim = 7, OutputDim = 3, Activation = act, Seed = 11,
    };

    public static TheoryData<int, int> PhantomGrid()
    {
        var d = new TheoryData<int, int>();
        foreach (int p in new[] { 1, 2, 3, 4, 8 })
            foreach (int k in new[] { 1, 2, 24 / p - 1 }.Where(k => k >= 1).Distinct())
                d.Add(p, k);
        return d;
    }

    private static void CheckPhantom<T>(int p, int k, double tolOut, double tolGrad) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var cfg = Cfg(ParallelMode.Phantom, p, k, Activation.Tanh);
        var x = Harness.RandomArray<T>(cfg.Batch * cfg.InputDim, 5, 1);
        var y = Harness.RandomArray<T>(cfg.Batch * cfg.OutputDim, 5, 2);
        var pp = Harness.Step(cfg, x, y);
        var reference = new PhantomReference<T>(pp.Nets);
        var (o, loss, dx) = Harness.DenseStep(reference.Dense, cfg, x, y);
        Assert.True(Harness.RelErr<T>(pp.Output, o) <= tolOut, $"output {Harness.RelErr<T>(pp.Output, o)}");
        Assert.True(Math.Abs(pp.Loss - loss) <= tolOut * Math.Abs(loss), $"loss {pp.Loss} vs {loss}");
        Assert.True(Harness.RelErr<T>(pp.InputGrad!, dx) <= tolGrad, "input gradient");
        for (int r = 0; r < p; r++)
        {
            var expected = reference.ExpectedGradients(r);
            foreach (var q in pp.Nets[r].Parameters)
            {
                double e = Harness.RelErr<T>(q.Gradient.Span, expected[q.Name]);
                Assert.True(e <= tolGrad, $"rank {r} {q.Name}: rel err {e}");
            }
            Assert.Equal(pp.Nets[r].Parameters.Count, expected.Count);
        }
    }

    [Theory]
    [MemberData(nameof(PhantomGrid))]
    public void PhantomEqualsEffectiveDenseFloat64(int p, int k) => CheckPhantom<double>(p, k, 1e-12, 1e-10);

    [Theory]
    [MemberData(nameof(PhantomGrid))]
    public void PhantomEqualsEffectiveDenseFloat32(int p, int k) => CheckPhantom<float>(p, k, 1e-5, 1e-4);

    [Theory]
    [InlineData(ParallelMode.Tensor, 1)]
    [InlineData(ParallelMode.Tensor, 2)]
    [InlineData(ParallelMode.Tensor, 3)]
    [InlineData(ParallelMode.Tensor, 4)]
    [InlineData(ParallelMode.Tensor, 6)]
    [InlineData(ParallelMode.Tensor, 8)]
    [InlineData(ParallelMode.Tensor, 12)]
    [InlineData(ParallelMode.Tensor, 24)]
    [InlineData(ParallelMode.Megatron, 1)]
    [InlineData(ParallelMode.Megatron, 2)]
    [InlineData(ParallelMode.Megatron, 3)]
    [InlineData(ParallelMode.Megatron, 4)]
    [InlineData(ParallelMode.Megatron, 6)]
    [InlineData(ParallelMode.Megatron, 8)]
    [InlineData(ParallelMode.Megatron, 12)]
    [InlineData(ParallelMode.Megatron, 24)]
    public void TensorParallelEqualsDense(ParallelMode mode, int p)
    {
        var cfg = Cfg(mode, p, 1);
        var x = Harness.RandomArray<double>(cfg.Batch * cfg.InputDim, 6, 1);
        var y = Harness.RandomArray<double>(cfg.Batch * cfg.OutputDim, 6, 2);
        var tp = Harness.Step(cfg, x, y);
        var dense = new DenseNetwork<double>(cfg with { Ranks = 1 });
        var (o, loss, dx) = Harness.DenseStep(dense, cfg, x, y);
        Assert.True(Harness.RelErr<double>(tp.Output, o) <= 1e-12);
        Assert.True(Math.Abs(tp.Loss - loss) <= 1e-12 * loss);
        Assert.True(Harness.RelErr<double>(tp.InputGrad!, dx) <= 1e-10);
        for (int r = 0; r < p; r++)
        {
            var values = PhantomReference<double>.TensorParallelSlices(dense, cfg, r, grad: false);
            var grads = PhantomReference<double>.TensorParallelSlices(dense, cfg, r, grad: true);
            foreach (var q in tp.Nets[r].Parameters)
            {
                Assert.True(q.Value.Span.SequenceEqual(values[q.Name]), $"rank {r} {q.Name}: initial values differ from the dense rows");
                Assert.True(Harness.RelErr<double>(q.Gradient.Span, grads[q.Name]) <= 1e-10, $"rank {r} {q.Name}");
            }
        }
    }

    [Fact]
    public void FallbackGivesTheSameNumbers()
    {
        foreach (var mode in new[] { ParallelMode.Phantom, ParallelMode.Tensor })
        {
            var cfg = Cfg(mode, 3, 2);
            var x = Harness.RandomArray<double>(cfg.Batch * cfg.InputDim, 7, 1);
            var y = Harness.RandomArray<double>(cfg.Batch * cfg.OutputDim, 7, 2);
            var a = Harness.Step(cfg, x, y);
            var b = Harness.Step(cfg with { EmulateNoReduceScatter = true }, x, y);
            Assert.Equal(a.Output, b.Output);
            for (int r = 0; r < 3; r++)
                for (int i = 0; i < a.Nets[r].Parameters.Count; i++)
                    Assert.True(a.Nets[r].Parameters[i].Gradient.Span.SequenceEqual(b.Nets[r].Parameters[i].Gradient.Span), $"{mode} {a.Nets[r].Parameters[i].Name}");
        }
    }

    [Fact]
    public void AtOneRankPhantomTensorAndDenseAgree()
    {
        var x = Harness.RandomArray<double>(5 * 7, 8, 1);
        var y = Harness.RandomArray<double>(5 * 3, 8, 2);
        var tp = Harness.Step(Cfg(ParallelMode.Tensor, 1, 1), x, y);
        var dense = Harness.DenseStep(new DenseNetwork<double>(Cfg(ParallelMode.Tensor, 1, 1)), Cfg(ParallelMode.Tensor, 1, 1), x, y);
        Assert.True(Harness.RelErr<double>(tp.Output, dense.O) <= 1e-14);
        // PP at p = 1 is one dense block W_11 drawn from its own stream: equal to the dense model with W = W_11.
        var pp = Harness.Step(Cfg(ParallelMode.Phantom, 1, 4), x, y);
        var reference = new PhantomReference<double>(pp.Nets);
        Assert.True(reference.Dense.HiddenW[0].Value.Span.SequenceEqual(((Layers.PhantomLayer<double>)pp.Nets[0].Hidden[0]).W.Value.Span));
        Assert.True(Harness.RelErr<double>(pp.Output, Harness.DenseStep(reference.Dense, Cfg(ParallelMode.Phantom, 1, 4), x, y).O) <= 1e-14);
        Assert.All(pp.Nets[0].Parameters.Where(q => q.Name.EndsWith(".C", StringComparison.Ordinal)), q => Assert.All(q.Gradient.Span.ToArray(), g => Assert.Equal(0.0, g)));
    }

    [Fact]
    public void ThreadRunsAreBitwiseRepeatable()
    {
        var cfg = Cfg(ParallelMode.Phantom, 4, 2);
        var x = Harness.RandomArray<float>(cfg.Batch * cfg.InputDim, 9, 1);
        var y = Harness.RandomArray<float>(cfg.Batch * cfg.OutputDim, 9, 2);
        var a = Harness.Step(cfg, x, y);
        var b = Harness.Step(cfg, x, y);
        Assert.Equal(a.Output, b.Output);
        for (int r = 0; r < 4; r++)
            for (int i = 0; i < a.Nets[r].Parameters.Count; i++)
                Assert.True(a.Nets[r].Parameters[i].Gradient.Span.SequenceEqual(b.Nets[r].Parameters[i].Gradient.Span));
    }
}
