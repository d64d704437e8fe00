using HpcKit.Core.Random;
using HpcKit.Neural;

namespace HpcKit.Neural.Tests;

/// <summary>The float fast paths (SIMD max-pool, direct convolution) against the float64 generic code.</summary>
public sealed class KernelTests
{
    [Fact]
    public void FloatMaxPool2MatchesGenericIncludingTies()
    {
        var rng = new RandomStream(5, 0);
        var xf = new Tensor<float>(3, 2, 53);
        var xd = new Tensor<double>(3, 2, 53);
        for (int i = 0; i < xf.Length; i++)
        {
            double v = Math.Round(rng.NextNormal() * 2) / 2; // many ties
            xf[i] = (float)v;
            xd[i] = v;
        }
        var pf = new MaxPool1d<float>(2);
        var pd = new MaxPool1d<double>(2);
        var yf = pf.Forward(xf);
        var yd = pd.Forward(xd);
        var gf = new Tensor<float>(yf.Shape.ToArray());
        var gd = new Tensor<double>(yd.Shape.ToArray());
        for (int i = 0; i < gf.Length; i++)
        {
            gf[i] = i + 1;
            gd[i] = i + 1;
        }
        var df = pf.Backward(gf);
        var dd = pd.Backward(gd);
        for (int i = 0; i < yf.Length; i++) Assert.Equal(yd[i], yf[i]);
        for (int i = 0; i < df.Length; i++) Assert.Equal(dd[i], df[i]);
    }

    [Fact]
    public void DirectAndGemmConvolutionsAgreeInFloat()
    {
        var rng = new RandomStream(6, 0);
        var a = new Conv1d<float>(2, 5, 3, ref rng, padding: 1) { Algorithm = Conv1dAlgorithm.Direct };
        var b = new Conv1d<float>(2, 5, 3, padding: 1) { Algorithm = Conv1dAlgorithm.Im2colGemm };
        a.Weight.Value.Span.CopyTo(b.Weight.Value.Span);
        a.Bias!.Value.Span.CopyTo(b.Bias!.Value.Span);
        var x = new Tensor<float>(4, 2, 301);
        var data = new RandomStream(7, 0);
        Init.Normal(x.Span, 1, ref data);
        var ya = a.Forward(x).Clone();
        var yb = b.Forward(x);
        for (int i = 0; i < ya.Length; i++) Assert.Equal(yb[i], ya[i], 1e-5f);
        var dy = new Tensor<float>(ya.Shape.ToArray());
        Init.Normal(dy.Span, 1, ref data);
        var dxa = a.Backward(dy).Clone();
        var dxb = b.Backward(dy);
        for (int i = 0; i < dxa.Length; i++) Assert.Equal(dxb[i], dxa[i], 1e-4f);
        for (int i = 0; i < a.Weight.Length; i++) Assert.Equal(b.Weight.Gradient[i], a.Weight.Gradient[i], 1e-2f);
    }

    [Theory]
    [InlineData(2, 0, 4, 301)]
    [InlineData(2, 1, 3, 300)]
    [InlineData(2, 2, 5, 97)]
    public void FloatStrideTwoConvolutionMatchesDouble(int stride, int padding, int kernel, int length)
    {
        var rng = new RandomStream(8, 0);
        var d = new Conv1d<double>(3, 4, kernel, ref rng, stride, padding);
        var f = new Conv1d<float>(3, 4, kernel, stride, padding);
        for (int i = 0; i < d.Weight.Length; i++) f.Weight.Value[i] = (float)d.Weight.Value[i];
        for (int i = 0; i < 4; i++) f.Bias!.Value[i] = (float)d.Bias!.Value[i];
        var data = new RandomStream(9, 0);
        var xd = new Tensor<double>(2, 3, length);
        Init.Normal(xd.Span, 1, ref data);
        var xf = new Tensor<float>(2, 3, length);
        for (int i = 0; i < xd.Length; i++) xf[i] = (float)xd[i];
        var yd = d.Forward(xd);
        var yf = f.Forward(xf);
        for (int i = 0; i < yd.Length; i++) Assert.Equal(yd[i], yf[i], 1e-4);
        var gd = new Tensor<double>(yd.Shape.ToArray());
        Init.Normal(gd.Span, 1, ref data);
        var gf = new Tensor<float>(yd.Shape.ToArray());
        for (int i = 0; i < gd.Length; i++) gf[i] = (float)gd[i];
        var dxd = d.Backward(gd);
        var dxf = f.Backward(gf);
        for (int i = 0; i < dxd.Length; i++) Assert.Equal(dxd[i], dxf[i], 1e-4);
        for (int i = 0; i < d.Weight.Length; i++) Assert.Equal(d.Weight.Gradient[i], f.Weight.Gradient[i], 1e-2);
    }

    [Fact]
    public void ReferenceModelsHaveTheSpecParameterCounts()
    {
        var rng = new RandomStream(1, 0);
        Assert.Equal(2_871_399, ReferenceModels.DiffractionCnn<float>(true, ref rng).ParameterCount);
        Assert.Equal(359_479, ReferenceModels.DiffractionCnn<float>(false, ref rng).ParameterCount);
        var x = new Tensor<float>(2, 1, 2806);
        Assert.Equal([2, 7], ReferenceModels.DiffractionCnn<float>(false, ref rng).Forward(x).Shape.ToArray());
    }

    [Fact]
    public void WorkerPoolThreadCountDoesNotChangeResults()
    {
        float[][] Train(int threads)
        {
            WorkerPool.Threads = threads;
            try
            {
                var rng = new RandomStream(2, 0);
                var net = ReferenceModels.DiffractionCnn<float>(false, ref rng, inputLength: 406);
                var trainer = new Trainer<float>(net, ReferenceModels.DiffractionLoss<float>(), new Adam<float>(net.Parameters, 1e-3)) { ClipNorm = 50 };
                var x = new Tensor<float>(6, 1, 406);
                var y = new Tensor<float>(6, 4);
                var data = new RandomStream(3, 0);
                for (int i = 0; i < x.Length; i++) x[i] = data.NextSingle();
                for (int r = 0; r < 6; r++) y[r * 4] = r % 3;
                for (int s = 0; s < 3; s++) trainer.TrainStep(x, y);
                return net.Parameters.Select(p => p.Value.Span.ToArray()).ToArray();
            }
            finally
            {
                WorkerPool.Threads = 0;
            }
        }
        var one = Train(1);
        var two = Train(2);
        for (int i = 0; i < one.Length; i++) Assert.Equal(one[i], two[i]);
    }

    private sealed class NestedBody(int[] hits) : ParallelBody
    {
        public override void Run(int start, int end)
        {
            for (int i = start; i < end; i++)
            {
                var inner = new CountBody(hits, i * 10);
                WorkerPool.For(10, inner);
            }
        }
    }

    private sealed class CountBody(int[] hits, int offset) : ParallelBody
    {
        public override void Run(int start, int end)
        {
            for (int i = start; i < end; i++) Interlocked.Increment(ref hits[offset + i]);
        }
    }

    [Fact]
    public void WorkerPoolNestedCallsRunEveryIndexOnce()
    {
        WorkerPool.Threads = 2;
        try
        {
            var hits = new int[100];
            WorkerPool.For(10, new NestedBody(hits));
            Assert.All(hits, h => Assert.Equal(1, h));
        }
        finally
        {
            WorkerPool.Threads = 0;
        }
    }
}
