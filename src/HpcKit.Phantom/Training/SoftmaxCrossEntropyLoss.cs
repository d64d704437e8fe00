using System.Numerics;
using HpcKit.Neural;

namespace HpcKit.Phantom.Training;

/// <summary>
/// Softmax cross-entropy, mean over rows, as Neural's <see cref="ILoss{T}"/>: the target holds one class index per
/// row (stored as T). ∂L/∂o = (softmax(o) − onehot)/rows. <see cref="Correct"/> counts argmax hits of the last call.
/// </summary>
public sealed class SoftmaxCrossEntropyLoss<T> : ILoss<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Tensor<T> _grad = new(0);
    private double[] _p = [];

    public string Name => "SoftmaxCrossEntropy";

    /// <summary>Rows whose largest logit is the label, in the last Forward.</summary>
    public int Correct { get; private set; }

    public double Forward(Tensor<T> prediction, Tensor<T> target)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        ArgumentNullException.ThrowIfNull(target);
        int rows = prediction.Rows, classes = prediction.RowLength;
        if (target.Length != rows) throw new ArgumentException($"{Name}: {rows} rows but {target.Length} labels");
        _grad.ResizeAs(prediction);
        if (_p.Length < classes) _p = new double[classes];
        var o = prediction.Span;
        var g = _grad.Span;
        var labels = target.Span;
        double sum = 0;
        int correct = 0;
        for (int i = 0; i < rows; i++)
        {
            var row = o.Slice(i * classes, classes);
            double max = double.NegativeInfinity;
            int arg = 0;
            for (int j = 0; j < classes; j++)
            {
                double v = double.CreateTruncating(row[j]);
                if (v > max) { max = v; arg = j; }
            }
            double z = 0;
            for (int j = 0; j < classes; j++) z += _p[j] = Math.Exp(double.CreateTruncating(row[j]) - max);
            int label = int.CreateTruncating(labels[i]);
            if ((uint)label >= (uint)classes) throw new ArgumentException($"{Name}: label {label} outside 0..{classes - 1}");
            sum += Math.Log(z) - (double.CreateTruncating(row[label]) - max);
            if (arg == label) correct++;
            for (int j = 0; j < classes; j++) g[i * classes + j] = T.CreateTruncating((_p[j] / z - (j == label ? 1 : 0)) / rows);
        }
        Correct = correct;
        return sum / rows;
    }

    public Tensor<T> Backward() => _grad;
}
