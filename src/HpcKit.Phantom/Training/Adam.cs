using HpcKit.Neural;
using System.Numerics;

namespace HpcKit.Phantom.Training;

/// <summary>
/// Adam (β1 = 0.9, β2 = 0.999, ε = 1e−8, no weight decay) over one rank's parameters, with bias correction.
/// The same update on every rank keeps replicated tensors (head bias) identical.
/// </summary>
public sealed class Adam<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly IReadOnlyList<Parameter<T>> _params;
    private readonly double[][] _m, _v;
    private int _t;

    public Adam(IReadOnlyList<Parameter<T>> parameters, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        _params = parameters;
        Beta1 = beta1;
        Beta2 = beta2;
        Epsilon = epsilon;
        _m = parameters.Select(q => new double[q.Value.Span.Length]).ToArray();
        _v = parameters.Select(q => new double[q.Value.Span.Length]).ToArray();
    }

    public double Beta1 { get; }

    public double Beta2 { get; }

    public double Epsilon { get; }

    /// <summary>Steps taken.</summary>
    public int Steps => _t;

    /// <summary>One update with learning rate <paramref name="lr"/> from the current gradients.</summary>
    public void Step(double lr)
    {
        _t++;
        double c1 = 1 - Math.Pow(Beta1, _t), c2 = 1 - Math.Pow(Beta2, _t);
        double b1 = Beta1, b2 = Beta2, eps = Epsilon;
        for (int i = 0; i < _params.Count; i++)
        {
            var w = _params[i].Value.Span;
            var g = _params[i].Gradient.Span;
            var m = _m[i];
            var v = _v[i];
            for (int j = 0; j < w.Length; j++)
            {
                double gj = double.CreateTruncating(g[j]);
                m[j] = b1 * m[j] + (1 - b1) * gj;
                v[j] = b2 * v[j] + (1 - b2) * gj * gj;
                double upd = lr * (m[j] / c1) / (Math.Sqrt(v[j] / c2) + eps);
                w[j] -= T.CreateTruncating(upd);
            }
        }
    }
}
