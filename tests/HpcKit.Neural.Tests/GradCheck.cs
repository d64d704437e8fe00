using HpcKit.Core.Random;
using HpcKit.Neural;

namespace HpcKit.Neural.Tests;

/// <summary>Central finite-difference checks in float64 for layers and losses.</summary>
internal static class GradCheck
{
    public static Tensor<double> Random(ulong seed, params int[] shape)
    {
        var t = new Tensor<double>(shape);
        var rng = new RandomStream(seed, 99);
        for (int i = 0; i < t.Length; i++) t[i] = rng.NextNormal();
        return t;
    }

    /// <summary>
    /// Checks ∂(Σ r⊙layer(x))/∂x and ∂/∂θ for every parameter against central differences; returns the worst
    /// relative error max|a−n| / max(1, max|n|).
    /// </summary>
    public static double Layer(ILayer<double> layer, Tensor<double> x, ulong seed = 7, double h = 1e-6)
    {
        var y = layer.Forward(x);
        var r = Random(seed, y.Shape.ToArray());
        foreach (var p in layer.Parameters) p.ZeroGradient();
        var dx = layer.Backward(r).Clone();
        double worst = 0;
        double Objective()
        {
            var yy = layer.Forward(x);
            double s = 0;
            for (int i = 0; i < yy.Length; i++) s += yy[i] * r[i];
            return s;
        }
        worst = Math.Max(worst, Compare(x.Storage, x.Length, dx.Span.ToArray(), Objective, h));
        foreach (var p in layer.Parameters)
            worst = Math.Max(worst, Compare(p.Value.Storage, p.Length, p.Gradient.Span.ToArray(), Objective, h));
        return worst;
    }

    /// <summary>Checks ∂loss/∂prediction.</summary>
    public static double Loss(ILoss<double> loss, Tensor<double> prediction, Tensor<double> target, double h = 1e-6)
    {
        loss.Forward(prediction, target);
        var g = loss.Backward().Span.ToArray();
        return Compare(prediction.Storage, prediction.Length, g, () => loss.Forward(prediction, target), h);
    }

    private static double Compare(double[] values, int n, double[] analytic, Func<double> objective, double h)
    {
        double maxErr = 0, maxRef = 1;
        for (int i = 0; i < n; i++)
        {
            double keep = values[i];
            values[i] = keep + h;
            double fp = objective();
            values[i] = keep - h;
            double fm = objective();
            values[i] = keep;
            double num = (fp - fm) / (2 * h);
            maxErr = Math.Max(maxErr, Math.Abs(num - analytic[i]));
            maxRef = Math.Max(maxRef, Math.Abs(num));
        }
        return maxErr / maxRef;
    }
}
