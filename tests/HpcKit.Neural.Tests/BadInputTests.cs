using HpcKit.Neural;

namespace HpcKit.Neural.Tests;

/// <summary>Wrong shapes and values give one clear message naming the layer or loss.</summary>
public sealed class BadInputTests
{
    [Fact]
    public void LinearRejectsWrongWidth()
    {
        var e = Assert.Throws<ArgumentException>(() => new Linear<float>(4, 3).Forward(new Tensor<float>(2, 5)));
        Assert.Equal("Linear(4→3): input [2, 5] has last dimension 5, expected 4", e.Message);
    }

    [Fact]
    public void Conv1dRejectsWrongChannelsAndShortInput()
    {
        var conv = new Conv1d<float>(2, 3, 5);
        Assert.Contains("must be [N, 2, L]", Assert.Throws<ArgumentException>(() => conv.Forward(new Tensor<float>(1, 3, 9))).Message);
        Assert.Contains("shorter than the kernel", Assert.Throws<ArgumentException>(() => conv.Forward(new Tensor<float>(1, 2, 4))).Message);
        Assert.Throws<InvalidOperationException>(() => new Conv1d<float>(1, 1, 3, stride: 2) { Algorithm = Conv1dAlgorithm.Direct }.Forward(new Tensor<float>(1, 1, 9)));
    }

    [Fact]
    public void BackwardBeforeForwardAndWrongGradientShape()
    {
        Assert.Contains("Backward called before Forward", Assert.Throws<InvalidOperationException>(() => new ReLU<float>().Backward(new Tensor<float>(2))).Message);
        var relu = new ReLU<float>();
        relu.Forward(new Tensor<float>(2, 3));
        Assert.Contains("output gradient has shape [3, 2], expected [2, 3]", Assert.Throws<ArgumentException>(() => relu.Backward(new Tensor<float>(3, 2))).Message);
    }

    [Fact]
    public void LossesRejectBadTargets()
    {
        var ce = new SoftmaxCrossEntropyLoss<float>();
        var logits = new Tensor<float>(2, 3);
        Assert.Contains("target[1] = 3 is not a class index in 0..2",
            Assert.Throws<ArgumentException>(() => ce.Forward(logits, Tensor<float>.FromArray([0f, 3f], 2))).Message);
        Assert.Contains("is not a class index", Assert.Throws<ArgumentException>(() => ce.Forward(logits, Tensor<float>.FromArray([0.5f, 1f], 2))).Message);
        Assert.Contains("differ in size", Assert.Throws<ArgumentException>(() => new MseLoss<float>().Forward(new Tensor<float>(2, 3), new Tensor<float>(2, 2))).Message);
        Assert.Contains("must be [N, 6]", Assert.Throws<ArgumentException>(() => new GaussianNllLoss<float>(3).Forward(new Tensor<float>(2, 4), new Tensor<float>(2, 3))).Message);
    }

    [Fact]
    public void ConstructorsRejectNonsense()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Linear<float>(0, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Dropout<float>(1.0, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new MaxPool1d<float>(0));
        Assert.Throws<ArgumentException>(() => new Sgd<float>([], 0.1, nesterov: true));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Adam<float>([], -1));
        Assert.Throws<ArgumentException>(() => new Tensor<float>(2, 3).Reshape(4, 2));
    }

    [Fact]
    public void GaussianNllClampsInsideExponentialOnly()
    {
        var loss = GaussianNllLoss<double>.SharedLogVariance(1, clamp: 30);
        var pred = Tensor<double>.FromArray([1.0, -40.0], 1, 2);
        double l = loss.Forward(pred, Tensor<double>.FromArray([0.0], 1, 1));
        Assert.Equal(Math.Exp(30) - 40, l, 1e-6 * Math.Exp(30));
        Assert.Equal(1, loss.ClampHits);
        Assert.Equal(1.0, loss.Backward()[1]); // d/ds of the clamped term is 0, of +s is 1
    }
}
