using System.Numerics;

namespace HpcKit.Neural;

/// <summary>Gradient-norm clipping as torch.nn.utils.clip_grad_norm_.</summary>
public static class GradientClipping
{
    /// <summary>Global L2 norm of all gradients (accumulated in double).</summary>
    public static double GlobalNorm<T>(IReadOnlyList<Parameter<T>> parameters) where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(parameters);
        double s = 0;
        for (int i = 0; i < parameters.Count; i++) s += TensorMath.SumOfSquares<T>(parameters[i].Gradient.Span);
        return Math.Sqrt(s);
    }

    /// <summary>
    /// Scales every gradient by maxNorm/(norm + 1e-6) when that is below 1; returns the norm before clipping.
    /// </summary>
    public static double ClipGlobalNorm<T>(IReadOnlyList<Parameter<T>> parameters, double maxNorm) where T : unmanaged, IFloatingPointIeee754<T>
    {
        double norm = GlobalNorm(parameters);
        double coef = maxNorm / (norm + 1e-6);
        if (coef < 1)
        {
            T c = T.CreateTruncating(coef);
            for (int i = 0; i < parameters.Count; i++)
            {
                var g = parameters[i].Gradient.Span;
                System.Numerics.Tensors.TensorPrimitives.Multiply(g, c, g);
            }
        }
        return norm;
    }
}
