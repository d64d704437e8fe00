using HpcKit.Core.Random;
using HpcKit.Neural;

namespace HpcKit.Neural.Tests;

/// <summary>Finite-difference gradient checks (float64, odd sizes) for every layer and loss.</summary>
public sealed class GradientCheckTests
{
    private const double Tol = 1e-6;

    [Fact]
    public void LinearGradients()
    {
        var rng = new RandomStream(1, 0);
        var layer = new Linear<double>(7, 5, ref rng);
        Assert.True(GradCheck.Layer(layer, GradCheck.Random(2, 3, 7)) < Tol);
    }

    [Fact]
    public void LinearWithoutBiasOn3DInput()
    {
        var rng = new RandomStream(1, 0);
        var layer = new Linear<double>(5, 3, ref rng, bias: false);
        Assert.True(GradCheck.Layer(layer, GradCheck.Random(3, 2, 3, 5)) < Tol);
    }

    [Fact]
    public void ReLUGradients() => Assert.True(GradCheck.Layer(new ReLU<double>(), GradCheck.Random(4, 3, 11)) < Tol);

    [Fact]
    public void LeakyReLUGradients() => Assert.True(GradCheck.Layer(new LeakyReLU<double>(0.1), GradCheck.Random(5, 3, 13)) < Tol);

    [Fact]
    public void SequentialGradients()
    {
        var rng = new RandomStream(3, 0);
        var net = new Sequential<double>(new Linear<double>(5, 9, ref rng), new LeakyReLU<double>(0.1), new Linear<double>(9, 3, ref rng));
        Assert.Equal("0.weight", net.Parameters[0].Name);
        Assert.Equal("2.bias", net.Parameters[3].Name);
        Assert.True(GradCheck.Layer(net, GradCheck.Random(6, 7, 5)) < Tol);
    }

    [Theory]
    [InlineData(3, 5, 3, 1, 0, 11)]
    [InlineData(2, 3, 4, 2, 0, 13)]
    [InlineData(3, 2, 3, 2, 1, 9)]
    [InlineData(1, 4, 5, 3, 2, 7)]
    [InlineData(2, 3, 5, 1, 3, 6)]
    public void Conv1dGradients(int cin, int cout, int k, int stride, int pad, int len)
    {
        var rng = new RandomStream(11, 0);
        var layer = new Conv1d<double>(cin, cout, k, ref rng, stride, pad);
        foreach (var algo in new[] { Conv1dAlgorithm.Im2colGemm, Conv1dAlgorithm.Direct })
        {
            if (algo == Conv1dAlgorithm.Direct && stride != 1) continue;
            layer.Algorithm = algo;
            Assert.True(GradCheck.Layer(layer, GradCheck.Random(12, 3, cin, len)) < Tol, algo.ToString());
        }
    }

    [Fact]
    public void MaxPoolGradients()
    {
        Assert.True(GradCheck.Layer(new MaxPool1d<double>(2), GradCheck.Random(13, 3, 5, 11)) < Tol);
        Assert.True(GradCheck.Layer(new MaxPool1d<double>(3, 2), GradCheck.Random(14, 2, 3, 9)) < Tol);
    }

    [Fact]
    public void FlattenGradients() => Assert.True(GradCheck.Layer(new Flatten<double>(), GradCheck.Random(15, 3, 5, 7)) < Tol);

    [Fact]
    public void GeluGradients() => Assert.True(GradCheck.Layer(new Gelu<double>(), GradCheck.Random(16, 5, 7)) < Tol);

    [Fact]
    public void TanhGradients() => Assert.True(GradCheck.Layer(new Tanh<double>(), GradCheck.Random(17, 5, 7)) < Tol);

    [Fact]
    public void DropoutGradients()
    {
        // The mask is redrawn every training forward, so check with the mask frozen: eval mode is the identity,
        // and in training dX must equal dY times the mask that Forward applied.
        var d = new Dropout<double>(0.3, 5);
        var x = GradCheck.Random(18, 7, 9);
        var y = d.Forward(x).Clone();
        var dy = GradCheck.Random(19, 7, 9);
        var dx = d.Backward(dy);
        int kept = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double m = y[i] / x[i];
            Assert.True(Math.Abs(m) < 1e-12 || Math.Abs(m - 1 / 0.7) < 1e-12);
            Assert.Equal(dy[i] * m, dx[i], 12);
            if (m != 0) kept++;
        }
        Assert.InRange(kept, 25, 63); // Binomial(63, 0.7): P(outside) < 1e-4
        d.Training = false;
        Assert.True(GradCheck.Layer(d, x) < Tol);
    }

    [Fact]
    public void CnnSequentialGradients()
    {
        var rng = new RandomStream(21, 0);
        var net = new Sequential<double>(
            new Conv1d<double>(1, 3, 3, ref rng), new LeakyReLU<double>(0.1), new MaxPool1d<double>(2),
            new Conv1d<double>(3, 4, 4, ref rng, stride: 2), new Gelu<double>(), new MaxPool1d<double>(2),
            new Flatten<double>(), new Linear<double>(16, 5, ref rng), new Tanh<double>());
        Assert.True(GradCheck.Layer(net, GradCheck.Random(22, 3, 1, 41)) < Tol);
    }

    [Fact]
    public void CrossEntropyGradients()
    {
        var target = Tensor<double>.FromArray([2, 0, 4], 3);
        Assert.True(GradCheck.Loss(new SoftmaxCrossEntropyLoss<double>(), GradCheck.Random(23, 3, 5), target) < Tol);
    }

    [Fact]
    public void GaussianNllGradients()
    {
        Assert.True(GradCheck.Loss(new GaussianNllLoss<double>(3), GradCheck.Random(24, 5, 6), GradCheck.Random(25, 5, 3)) < Tol);
        Assert.True(GradCheck.Loss(GaussianNllLoss<double>.SharedLogVariance(3), GradCheck.Random(26, 5, 4), GradCheck.Random(27, 5, 3)) < Tol);
    }

    [Fact]
    public void MultiHeadGradients()
    {
        var loss = new MultiHeadLoss<double>()
            .Add(new SoftmaxCrossEntropyLoss<double>(), 0, 3, 0, 1)
            .Add(GaussianNllLoss<double>.SharedLogVariance(3), 3, 4, 1, 3, weight: 0.7);
        var target = GradCheck.Random(28, 5, 4);
        for (int r = 0; r < 5; r++) target[r * 4] = r % 3;
        Assert.True(GradCheck.Loss(loss, GradCheck.Random(29, 5, 7), target) < Tol);
    }

    [Fact]
    public void MseGradients() =>
        Assert.True(GradCheck.Loss(new MseLoss<double>(), GradCheck.Random(7, 3, 5), GradCheck.Random(8, 3, 5)) < Tol);
}
