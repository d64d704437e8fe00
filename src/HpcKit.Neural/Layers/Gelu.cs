using System.Numerics;

namespace HpcKit.Neural;

/// <summary>
/// GELU, exact form (torch.nn.GELU default): y = x·Φ(x) = ½x(1 + erf(x/√2)); dX = dY·(Φ(x) + x·φ(x)).
/// erf is evaluated in double by <see cref="SpecialFunctions.Erf"/> (≈1e-15 accurate).
/// </summary>
public sealed class Gelu<T> : Activation<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private const double InvSqrt2 = 0.70710678118654752440;
    private const double InvSqrt2Pi = 0.39894228040143267794;

    /// <inheritdoc/>
    public override string Name => "GELU";

    /// <inheritdoc/>
    protected override void Apply(ReadOnlySpan<T> x, Span<T> y)
    {
        for (int i = 0; i < x.Length; i++)
        {
            double v = double.CreateTruncating(x[i]);
            y[i] = T.CreateTruncating(0.5 * v * (1 + SpecialFunctions.Erf(v * InvSqrt2)));
        }
    }

    /// <inheritdoc/>
    protected override void Derive(ReadOnlySpan<T> x, ReadOnlySpan<T> y, ReadOnlySpan<T> dy, Span<T> dx)
    {
        for (int i = 0; i < x.Length; i++)
        {
            double v = double.CreateTruncating(x[i]);
            double cdf = 0.5 * (1 + SpecialFunctions.Erf(v * InvSqrt2));
            double pdf = InvSqrt2Pi * Math.Exp(-0.5 * v * v);
            dx[i] = dy[i] * T.CreateTruncating(cdf + v * pdf);
        }
    }
}
