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

    [Fact]
    public void MseGradients() =>
        Assert.True(GradCheck.Loss(new MseLoss<double>(), GradCheck.Random(7, 3, 5), GradCheck.Random(8, 3, 5)) < Tol);
}
