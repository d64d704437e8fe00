using System.Numerics;

namespace HpcKit.Neural;

/// <summary>
/// SGD with momentum as torch.optim.SGD: g ← g + wd·p; b ← μ·b + (1 − dampening)·g (b = g at the first step);
/// g ← g + μ·b (Nesterov) or b; p ← p − lr·g.
/// </summary>
public sealed class Sgd<T> : Optimizer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Tensor<T>[] _buf;

    /// <summary>SGD over <paramref name="parameters"/>.</summary>
    public Sgd(IEnumerable<Parameter<T>> parameters, double learningRate, double momentum = 0, double dampening = 0,
        double weightDecay = 0, bool nesterov = false)
        : base(parameters, learningRate)
    {
        if (nesterov && (momentum <= 0 || dampening != 0))
            throw new ArgumentException("SGD: Nesterov momentum requires momentum > 0 and zero dampening");
        Momentum = momentum;
        Dampening = dampening;
        WeightDecay = weightDecay;
        Nesterov = nesterov;
        _buf = new Tensor<T>[Parameters.Count];
        for (int i = 0; i < _buf.Length; i++) _buf[i] = new Tensor<T>(Parameters[i].Value.Shape.ToArray());
    }

    /// <summary>μ.</summary>
    public double Momentum { get; }

    /// <summary>Dampening.</summary>
    public double Dampening { get; }

    /// <summary>L2 weight decay.</summary>
    public double WeightDecay { get; }

    /// <summary>Nesterov momentum.</summary>
    public bool Nesterov { get; }

    /// <inheritdoc/>
    public override void Step()
    {
        bool first = StepCount == 0;
        StepCount++;
        T lr = T.CreateTruncating(LearningRate), mu = T.CreateTruncating(Momentum);
        T damp = T.CreateTruncating(1 - Dampening), wd = T.CreateTruncating(WeightDecay);
        for (int i = 0; i < Parameters.Count; i++)
        {
            var p = Parameters[i].Value.Span;
            var g = Parameters[i].Gradient.Span;
            var b = _buf[i].Span;
            for (int j = 0; j < p.Length; j++)
            {
                T gj = g[j];
                if (WeightDecay != 0) gj += wd * p[j];
                if (Momentum != 0)
                {
                    b[j] = first ? gj : mu * b[j] + damp * gj;
                    gj = Nesterov ? gj + mu * b[j] : b[j];
                }
                p[j] -= lr * gj;
            }
        }
    }

    /// <inheritdoc/>
    public override IReadOnlyList<KeyValuePair<string, Tensor<T>>> StateTensors()
    {
        var list = new List<KeyValuePair<string, Tensor<T>>>(Parameters.Count);
        for (int i = 0; i < Parameters.Count; i++) list.Add(new(Parameters[i].Name + ".momentum_buffer", _buf[i]));
        return list;
    }
}
