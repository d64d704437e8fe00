using System.Numerics;
using HpcKit.Core.Comm;
using HpcKit.Core.Random;
using HpcKit.Neural;
using HpcKit.Phantom.Model;

namespace HpcKit.Phantom.Tests;

/// <summary>Runs one forward/backward of a rank network on thread ranks and returns what the tests compare.</summary>
internal static class Harness
{
    public sealed record StepResult<T>(RankNetwork<T>[] Nets, T[] Output, double Loss, T[]? InputGrad) where T : unmanaged, IFloatingPointIeee754<T>;

    public static T[] RandomArray<T>(int length, ulong seed, ulong stream, double scale = 1) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var rng = new RandomStream(seed, stream);
        var a = new T[length];
        for (int i = 0; i < a.Length; i++) a[i] = T.CreateTruncating(scale * rng.NextNormal());
        return a;
    }

    /// <summary>One step: forward, MSE against y, backward (gradients zeroed first).</summary>
    public static StepResult<T> Step<T>(NetworkConfig cfg, T[] x, T[] y, bool inputGrad = true) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int B = cfg.Batch, dout = cfg.OutputDim;
        var outs = Ranks.Run(cfg.Ranks, comm =>
        {
            var net = new RankNetwork<T>(comm, cfg);
            net.Input.InputGradientRequired = inputGrad;
            var (o, loss, dx) = ForwardBackward(net, x, y);
            return (net, o, loss, dx);
        }, RankTransport.Threads);
        return new StepResult<T>(outs.Select(q => q.net).ToArray(), outs[0].o, outs[0].loss, outs[0].dx);
    }

    public static (T[] O, double Loss, T[]? Dx) ForwardBackward<T>(RankNetwork<T> net, T[] x, T[] y) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int B = net.Config.Batch, dout = net.Config.OutputDim;
        foreach (var q in net.Parameters) q.ZeroGradient();
        var o = net.Forward(x, B).AsSpan(0, B * dout).ToArray();
        var loss = new MseLoss<T>();
        double l = loss.Forward(new Tensor<T>(o, B, dout), new Tensor<T>(y, B, dout));
        var dx = net.Backward(loss.Backward().Storage, B);
        return (o, l, dx?.AsSpan(0, B * net.Config.InputDim).ToArray());
    }

    /// <summary>Dense reference step on the same data.</summary>
    public static (T[] O, double Loss, T[] Dx) DenseStep<T>(DenseNetwork<T> dense, NetworkConfig cfg, T[] x, T[] y) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int B = cfg.Batch, dout = cfg.OutputDim;
        foreach (var q in dense.Parameters) q.ZeroGradient();
        var o = dense.Forward(x, B).AsSpan(0, B * dout).ToArray();
        var loss = new MseLoss<T>();
        double l = loss.Forward(new Tensor<T>(o, B, dout), new Tensor<T>(y, B, dout));
        var dx = dense.Backward(loss.Backward().Storage, B).AsSpan(0, B * cfg.InputDim).ToArray();
        return (o, l, dx);
    }

    /// <summary>‖x − y‖_F / ‖y‖_F (absolute when y = 0).</summary>
    public static double RelErr<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y) where T : unmanaged, IFloatingPointIeee754<T>
    {
        Assert.Equal(y.Length, x.Length);
        double num = 0, den = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double d = double.CreateTruncating(x[i]) - double.CreateTruncating(y[i]);
            num += d * d;
            den += double.CreateTruncating(y[i]) * double.CreateTruncating(y[i]);
        }
        return den == 0 ? Math.Sqrt(num) : Math.Sqrt(num / den);
    }
}
