using System.Numerics;

namespace HpcKit.Neural;

/// <summary>
/// Adam (Kingma &amp; Ba) exactly as torch.optim.Adam / AdamW (amsgrad off):
/// m ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)g², p ← p − lr/(1−β₁ᵗ) · m / (√v/√(1−β₂ᵗ) + ε).
/// Weight decay adds wd·p to g (Adam) or, when <see cref="Decoupled"/>, multiplies p by (1 − lr·wd) first (AdamW).
/// </summary>
public sealed class Adam<T> : Optimizer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Tensor<T>[] _m;
    private readonly Tensor<T>[] _v;

    /// <summary>Adam over <paramref name="parameters"/>.</summary>
    public Adam(IEnumerable<Parameter<T>> parameters, double learningRate = 1e-3, double beta1 = 0.9, double beta2 = 0.999,
        double epsilon = 1e-8, double weightDecay = 0, bool decoupled = false)
        : base(parameters, learningRate)
    {
        Beta1 = beta1;
        Beta2 = beta2;
        Epsilon = epsilon;
        WeightDecay = weightDecay;
        Decoupled = decoupled;
        _m = new Tensor<T>[Parameters.Count];
        _v = new Tensor<T>[Parameters.Count];
        for (int i = 0; i < Parameters.Count; i++)
        {
            _m[i] = new Tensor<T>(Parameters[i].Value.Shape.ToArray());
            _v[i] = new Tensor<T>(Parameters[i].Value.Shape.ToArray());
        }
    }

    /// <summary>AdamW: Adam with decoupled weight decay (PyTorch default wd 0.01).</summary>
    public static Adam<T> AdamW(IEnumerable<Parameter<T>> parameters, double learningRate = 1e-3, double weightDecay = 0.01,
        double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8)
        => new(parameters, learningRate, beta1, beta2, epsilon, weightDecay, decoupled: true);

    /// <summary>β₁.</summary>
    public double Beta1 { get; }

    /// <summary>β₂.</summary>
    public double Beta2 { get; }

    /// <summary>ε.</summary>
    public double Epsilon { get; }

    /// <summary>Weight decay.</summary>
    public double WeightDecay { get; }

    /// <summary>True for AdamW.</summary>
    public bool Decoupled { get; }

    /// <inheritdoc/>
    public override void Step()
    {
        StepCount++;
        double bc1 = 1 - Math.Pow(Beta1, StepCount);
        double bc2 = 1 - Math.Pow(Beta2, StepCount);
        _stepSize = T.CreateTruncating(LearningRate / bc1);
        _invSqrtBc2 = T.CreateTruncating(1 / Math.Sqrt(bc2));
        _decay = T.CreateTruncating(1 - LearningRate * WeightDecay);
        _body ??= new Body(this);
        for (int i = 0; i < Parameters.Count; i++)
        {
            _body.Index = i;
            WorkerPool.For((Parameters[i].Length + Block - 1) / Block, _body, minPerThread: 4);
        }
    }

    private const int Block = 8192;
    private T _stepSize, _invSqrtBc2, _decay;
    private Body? _body;

    private void Update(int i, int b0, int b1)
    {
        int n = Parameters[i].Length;
        int s = b0 * Block, e = Math.Min(n, b1 * Block);
        if (e <= s) return;
        var p = Parameters[i].Value.Span[s..e];
        var g = Parameters[i].Gradient.Span[s..e];
        var m = _m[i].Span[s..e];
        var v = _v[i].Span[s..e];
        T stepSize = _stepSize, invSqrtBc2 = _invSqrtBc2, decay = _decay;
        T b1c = T.CreateTruncating(Beta1), b2c = T.CreateTruncating(Beta2);
        T c1 = T.CreateTruncating(1 - Beta1), c2 = T.CreateTruncating(1 - Beta2);
        T eps = T.CreateTruncating(Epsilon);
        T wd = T.CreateTruncating(WeightDecay);
        bool coupled = WeightDecay != 0 && !Decoupled;
        bool decoupledDecay = WeightDecay != 0 && Decoupled;
        int j = 0;
        if (Vector.IsHardwareAccelerated)
        {
            int w = Vector<T>.Count;
            var vb1 = new Vector<T>(b1c);
            var vb2 = new Vector<T>(b2c);
            var vc1 = new Vector<T>(c1);
            var vc2 = new Vector<T>(c2);
            var veps = new Vector<T>(eps);
            var vstep = new Vector<T>(stepSize);
            var vinv = new Vector<T>(invSqrtBc2);
            var vwd = new Vector<T>(wd);
            var vdecay = new Vector<T>(decay);
            for (; j <= p.Length - w; j += w)
            {
                var pj = new Vector<T>(p.Slice(j, w));
                var gj = new Vector<T>(g.Slice(j, w));
                if (coupled) gj += vwd * pj;
                if (decoupledDecay) pj *= vdecay;
                var mj = vb1 * new Vector<T>(m.Slice(j, w)) + vc1 * gj;
                var vj = vb2 * new Vector<T>(v.Slice(j, w)) + vc2 * gj * gj;
                mj.CopyTo(m.Slice(j, w));
                vj.CopyTo(v.Slice(j, w));
                (pj - vstep * mj / (Vector.SquareRoot(vj) * vinv + veps)).CopyTo(p.Slice(j, w));
            }
        }
        for (; j < p.Length; j++)
        {
            T gj = g[j];
            if (coupled) gj += wd * p[j];
            if (decoupledDecay) p[j] *= decay;
            m[j] = b1c * m[j] + c1 * gj;
            v[j] = b2c * v[j] + c2 * gj * gj;
            p[j] -= stepSize * m[j] / (T.Sqrt(v[j]) * invSqrtBc2 + eps);
        }
    }

    private sealed class Body(Adam<T> owner) : ParallelBody
    {
        public int Index { get; set; }

        public override void Run(int start, int end) => owner.Update(Index, start, end);
    }

    /// <inheritdoc/>
    public override IReadOnlyList<KeyValuePair<string, Tensor<T>>> StateTensors()
    {
        var list = new List<KeyValuePair<string, Tensor<T>>>(2 * Parameters.Count);
        for (int i = 0; i < Parameters.Count; i++)
        {
            list.Add(new(Parameters[i].Name + ".exp_avg", _m[i]));
            list.Add(new(Parameters[i].Name + ".exp_avg_sq", _v[i]));
        }
        return list;
    }
}
