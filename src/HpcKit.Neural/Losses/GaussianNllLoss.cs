using System.Numerics;

namespace HpcKit.Neural;

/// <summary>
/// Heteroscedastic Gaussian negative log-likelihood with a predicted log-variance s. Prediction [N, K + V]: K means
/// then V log-variances, V = K (one per output) or V = 1 (<c>sharedVariance</c>: one per sample); target [N, K].
/// Per sample ℓ = factor·Σ_k [(y_k − μ_k)²·e^{−s_k} + s_k] (per output) or factor·[Σ_k (y_k − μ_k)²·e^{−s} + s] (shared).
/// The sum is divided by N·K (<c>meanOverElements</c>, as torch.nn.GaussianNLLLoss with var = e^s and factor ½)
/// or by N (the diffraction spec's loss: factor 1, shared variance). s is clamped to [−clamp, clamp] inside the
/// exponential only; <see cref="ClampHits"/> counts clamped values over the loss's lifetime.
/// </summary>
public sealed class GaussianNllLoss<T> : ILoss<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Tensor<T> _grad = new(0);

    /// <summary>A Gaussian NLL over <paramref name="outputs"/> regression outputs.</summary>
    public GaussianNllLoss(int outputs, bool sharedVariance = false, double factor = 0.5, bool meanOverElements = true, double clamp = 30)
    {
        if (outputs < 1) throw new ArgumentOutOfRangeException(nameof(outputs), "GaussianNll: outputs must be ≥ 1");
        Outputs = outputs;
        SharedVariance = sharedVariance;
        Factor = factor;
        MeanOverElements = meanOverElements;
        Clamp = clamp;
    }

    /// <summary>The diffraction spec's loss: Σ_k (y_k − μ_k)²·e^{−s} + s with one s per sample, mean over the batch.</summary>
    public static GaussianNllLoss<T> SharedLogVariance(int outputs, double clamp = 30) => new(outputs, true, 1.0, false, clamp);

    /// <summary>K.</summary>
    public int Outputs { get; }

    /// <summary>One log-variance per sample (true) or per output (false).</summary>
    public bool SharedVariance { get; }

    /// <summary>Multiplier of each term (½ for the textbook NLL).</summary>
    public double Factor { get; }

    /// <summary>Divide by N·K (true) or by N.</summary>
    public bool MeanOverElements { get; }

    /// <summary>|s| bound inside the exponential.</summary>
    public double Clamp { get; }

    /// <summary>Log-variance values clamped so far.</summary>
    public long ClampHits { get; private set; }

    /// <summary>Columns of the prediction: K + V.</summary>
    public int PredictionWidth => Outputs + (SharedVariance ? 1 : Outputs);

    /// <inheritdoc/>
    public string Name => SharedVariance ? "GaussianNLL(shared log σ²)" : "GaussianNLL(log σ² per output)";

    /// <inheritdoc/>
    public double Forward(Tensor<T> prediction, Tensor<T> target)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        ArgumentNullException.ThrowIfNull(target);
        int n = prediction.Rows, k = Outputs, width = PredictionWidth;
        if (prediction.RowLength != width || target.Length != n * k)
            throw new ArgumentException($"{Name}: prediction {prediction.ShapeText} must be [N, {width}] and target {target.ShapeText} [N, {k}]");
        _grad.ResizeAs(prediction);
        double scale = Factor / (MeanOverElements ? (double)n * k : n);
        double total = 0;
        for (int r = 0; r < n; r++)
        {
            var p = prediction.Row(r);
            var g = _grad.Row(r);
            var y = target.Span.Slice(r * k, k);
            if (SharedVariance)
            {
                double s = double.CreateTruncating(p[k]);
                double inv = Math.Exp(-ClampS(s));
                double sq = 0;
                for (int j = 0; j < k; j++)
                {
                    double d = double.CreateTruncating(p[j]) - double.CreateTruncating(y[j]);
                    sq += d * d;
                    g[j] = T.CreateTruncating(scale * 2 * d * inv);
                }
                total += sq * inv + s;
                bool clamped = Math.Abs(s) > Clamp;
                g[k] = T.CreateTruncating(scale * ((clamped ? 0 : -sq * inv) + 1));
            }
            else
            {
                for (int j = 0; j < k; j++)
                {
                    double s = double.CreateTruncating(p[k + j]);
                    double inv = Math.Exp(-ClampS(s));
                    double d = double.CreateTruncating(p[j]) - double.CreateTruncating(y[j]);
                    total += d * d * inv + s;
                    g[j] = T.CreateTruncating(scale * 2 * d * inv);
                    bool clamped = Math.Abs(s) > Clamp;
                    g[k + j] = T.CreateTruncating(scale * ((clamped ? 0 : -d * d * inv) + 1));
                }
            }
        }
        return total * scale;
    }

    /// <inheritdoc/>
    public Tensor<T> Backward() => _grad;

    private double ClampS(double s)
    {
        if (s > Clamp)
        {
            ClampHits++;
            return Clamp;
        }
        if (s < -Clamp)
        {
            ClampHits++;
            return -Clamp;
        }
        return s;
    }
}
