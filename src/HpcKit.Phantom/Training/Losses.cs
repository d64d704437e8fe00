using System.Numerics;

namespace HpcKit.Phantom.Training;

/// <summary>Losses on replicated outputs, accumulated in double. Each returns the mean loss and writes ∂ℓ/∂o.</summary>
public static class Losses
{
    /// <summary>Mean squared error over all rows·d_out entries; ∂o = 2(o − y)/(rows·d_out).</summary>
    public static double MeanSquaredError<T>(ReadOnlySpan<T> o, ReadOnlySpan<T> y, Span<T> grad) where T : unmanaged, IFloatingPointIeee754<T>
    {
        double sum = 0, scale = 2.0 / o.Length;
        for (int i = 0; i < o.Length; i++)
        {
            double e = double.CreateTruncating(o[i]) - double.CreateTruncating(y[i]);
            sum += e * e;
            if (!grad.IsEmpty) grad[i] = T.CreateTruncating(scale * e);
        }
        return sum / o.Length;
    }

    /// <summary>Softmax cross-entropy, mean over rows; ∂o = (softmax − onehot)/rows. <paramref name="correct"/> counts argmax hits.</summary>
    public static double SoftmaxCrossEntropy<T>(ReadOnlySpan<T> o, ReadOnlySpan<int> labels, int rows, int classes, Span<T> grad, out int correct)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        double sum = 0;
        correct = 0;
        Span<double> p = classes <= 256 ? stackalloc double[classes] : new double[classes];
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
            for (int j = 0; j < classes; j++) z += p[j] = Math.Exp(double.CreateTruncating(row[j]) - max);
            int label = labels[i];
            sum += Math.Log(z) - (double.CreateTruncating(row[label]) - max);
            if (arg == label) correct++;
            if (grad.IsEmpty) continue;
            for (int j = 0; j < classes; j++) grad[i * classes + j] = T.CreateTruncating((p[j] / z - (j == label ? 1 : 0)) / rows);
        }
        return sum / rows;
    }
}
