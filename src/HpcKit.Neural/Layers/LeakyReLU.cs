using System.Numerics;

namespace HpcKit.Neural;

/// <summary>LeakyReLU: y = x for x &gt; 0, slope·x otherwise (PyTorch's default slope 0.01).</summary>
public sealed class LeakyReLU<T> : Activation<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T _slope;

    /// <summary>A LeakyReLU with the given negative slope.</summary>
    public LeakyReLU(double negativeSlope = 0.01)
    {
        NegativeSlope = negativeSlope;
        _slope = T.CreateTruncating(negativeSlope);
    }

    /// <summary>Slope for x ≤ 0.</summary>
    public double NegativeSlope { get; }

    /// <inheritdoc/>
    public override string Name => $"LeakyReLU({NegativeSlope})";

    /// <inheritdoc/>
    protected override void Apply(ReadOnlySpan<T> x, Span<T> y)
    {
        int i = 0;
        var s = new Vector<T>(_slope);
        if (Vector.IsHardwareAccelerated)
        {
            int w = Vector<T>.Count;
            for (; i <= x.Length - w; i += w)
            {
                var xv = new Vector<T>(x.Slice(i, w));
                Vector.ConditionalSelect(Vector.GreaterThan(xv, Vector<T>.Zero), xv, xv * s).CopyTo(y.Slice(i, w));
            }
        }
        for (; i < x.Length; i++) y[i] = x[i] > T.Zero ? x[i] : x[i] * _slope;
    }

    /// <inheritdoc/>
    protected override void Derive(ReadOnlySpan<T> x, ReadOnlySpan<T> y, ReadOnlySpan<T> dy, Span<T> dx)
    {
        int i = 0;
        var s = new Vector<T>(_slope);
        if (Vector.IsHardwareAccelerated)
        {
            int w = Vector<T>.Count;
            for (; i <= x.Length - w; i += w)
            {
                var xv = new Vector<T>(x.Slice(i, w));
                var g = new Vector<T>(dy.Slice(i, w));
                Vector.ConditionalSelect(Vector.GreaterThan(xv, Vector<T>.Zero), g, g * s).CopyTo(dx.Slice(i, w));
            }
        }
        for (; i < x.Length; i++) dx[i] = x[i] > T.Zero ? dy[i] : dy[i] * _slope;
    }
}
