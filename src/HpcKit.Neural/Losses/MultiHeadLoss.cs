using System.Numerics;

namespace HpcKit.Neural;

/// <summary>
/// The weighted sum of losses on column ranges of one prediction and one target, for multi-head models whose heads
/// are concatenated along the last axis (e.g. 3 class logits then 4 regression outputs from one Linear, against
/// target [class index, a, c, α]). Each head copies its columns into its own buffers, so heads keep their own
/// shapes; ∂L/∂prediction is assembled from the heads' gradients. <see cref="HeadValues"/> holds the last terms.
/// </summary>
public sealed class MultiHeadLoss<T> : ILoss<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly List<Head> _heads = [];
    private readonly Tensor<T> _grad = new(0);
    private double[] _values = [];

    /// <summary>Adds a head reading prediction columns [predOffset, predOffset+predWidth) and target columns
    /// [targetOffset, targetOffset+targetWidth); returns this for chaining.</summary>
    public MultiHeadLoss<T> Add(ILoss<T> loss, int predictionOffset, int predictionWidth, int targetOffset, int targetWidth, double weight = 1.0)
    {
        ArgumentNullException.ThrowIfNull(loss);
        if (predictionOffset < 0 || predictionWidth < 1 || targetOffset < 0 || targetWidth < 1)
            throw new ArgumentOutOfRangeException(nameof(predictionWidth), "MultiHeadLoss: bad column range");
        _heads.Add(new Head(loss, predictionOffset, predictionWidth, targetOffset, targetWidth, weight));
        _values = new double[_heads.Count];
        return this;
    }

    /// <summary>The heads' unweighted loss values of the last Forward, in order.</summary>
    public ReadOnlySpan<double> HeadValues => _values;

    /// <summary>The head losses.</summary>
    public IReadOnlyList<ILoss<T>> Losses => _heads.Select(h => h.Loss).ToList();

    /// <inheritdoc/>
    public string Name => "Sum(" + string.Join(", ", _heads.Select(h => h.Loss.Name)) + ")";

    /// <inheritdoc/>
    public double Forward(Tensor<T> prediction, Tensor<T> target)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        ArgumentNullException.ThrowIfNull(target);
        int n = prediction.Rows, pw = prediction.RowLength;
        if (target.Rows != n) throw new ArgumentException($"{Name}: prediction {prediction.ShapeText} and target {target.ShapeText} differ in rows");
        int tw = target.RowLength;
        _grad.ResizeAs(prediction);
        _grad.Clear();
        double total = 0;
        for (int h = 0; h < _heads.Count; h++)
        {
            var head = _heads[h];
            if (head.PredOffset + head.PredWidth > pw || head.TargetOffset + head.TargetWidth > tw)
                throw new ArgumentException($"{Name}: head {h} columns exceed prediction {prediction.ShapeText} or target {target.ShapeText}");
            head.Pred.Resize(n, head.PredWidth);
            if (head.TargetWidth == 1) head.Target.Resize(n);
            else head.Target.Resize(n, head.TargetWidth);
            for (int r = 0; r < n; r++)
            {
                prediction.Row(r).Slice(head.PredOffset, head.PredWidth).CopyTo(head.Pred.Row(r));
                target.Row(r).Slice(head.TargetOffset, head.TargetWidth).CopyTo(head.Target.Span.Slice(r * head.TargetWidth, head.TargetWidth));
            }
            double v = head.Loss.Forward(head.Pred, head.Target);
            _values[h] = v;
            total += head.Weight * v;
            var g = head.Loss.Backward();
            T w = T.CreateTruncating(head.Weight);
            for (int r = 0; r < n; r++)
            {
                var dst = _grad.Row(r).Slice(head.PredOffset, head.PredWidth);
                System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(g.Span.Slice(r * head.PredWidth, head.PredWidth), w, dst, dst);
            }
        }
        return total;
    }

    /// <inheritdoc/>
    public Tensor<T> Backward() => _grad;

    private sealed record Head(ILoss<T> Loss, int PredOffset, int PredWidth, int TargetOffset, int TargetWidth, double Weight)
    {
        public Tensor<T> Pred { get; } = new(0);

        public Tensor<T> Target { get; } = new(0);
    }
}
