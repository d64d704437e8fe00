using System.Numerics;

namespace HpcKit.Neural;

/// <summary>
/// Softmax cross-entropy (torch.nn.CrossEntropyLoss, mean over rows): logits [N, C], target [N] of class indices
/// stored as T (0 … C−1). L = (1/N)·Σ_n [logsumexp(z_n) − z_n,y_n] with the max subtracted (stable);
/// ∂L/∂z = (softmax(z) − onehot(y))/N. <see cref="Probabilities"/> holds softmax(z) of the last Forward.
/// </summary>
public sealed class SoftmaxCrossEntropyLoss<T> : ILoss<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Tensor<T> _grad = new(0);
    private readonly Tensor<T> _prob = new(0);

    /// <inheritdoc/>
    public string Name => "SoftmaxCrossEntropy";

    /// <summary>softmax(logits) of the last Forward, [N, C].</summary>
    public Tensor<T> Probabilities => _prob;

    /// <inheritdoc/>
    public double Forward(Tensor<T> prediction, Tensor<T> target)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        ArgumentNullException.ThrowIfNull(target);
        int n = prediction.Rows, c = prediction.RowLength;
        if (prediction.Rank != 2 || target.Length != n)
            throw new ArgumentException($"{Name}: logits {prediction.ShapeText} must be [N, C] and target {target.ShapeText} [N] class indices");
        _grad.ResizeAs(prediction);
        _prob.ResizeAs(prediction);
        double total = 0;
        T invN = T.CreateTruncating(1.0 / n);
        for (int r = 0; r < n; r++)
        {
            double label = double.CreateTruncating(target[r]);
            int y = (int)label;
            if (y != label || y < 0 || y >= c)
                throw new ArgumentException($"{Name}: target[{r}] = {label} is not a class index in 0..{c - 1}");
            var z = prediction.Row(r);
            var p = _prob.Row(r);
            var g = _grad.Row(r);
            double max = double.CreateTruncating(System.Numerics.Tensors.TensorPrimitives.Max<T>(z));
            double sum = 0;
            for (int j = 0; j < c; j++) sum += Math.Exp(double.CreateTruncating(z[j]) - max);
            double lse = max + Math.Log(sum);
            total += lse - double.CreateTruncating(z[y]);
            for (int j = 0; j < c; j++)
            {
                double pj = Math.Exp(double.CreateTruncating(z[j]) - lse);
                p[j] = T.CreateTruncating(pj);
                g[j] = T.CreateTruncating(j == y ? pj - 1 : pj) * invN;
            }
        }
        return total / n;
    }

    /// <inheritdoc/>
    public Tensor<T> Backward() => _grad;
}
