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
    protected override void Apply(ReadOnlySpan<T> x, Span<T> y) => Select(x, x, y);

    /// <inheritdoc/>
    protected override void Derive(ReadOnlySpan<T> x, ReadOnlySpan<T> y, ReadOnlySpan<T> dy, Span<T> dx) => Select(x, dy, dx);

    /// <summary>o = v where x &gt; 0, slope·v elsewhere (the forward pass with v = x, the backward pass with v = dy).</summary>
    private void Select(ReadOnlySpan<T> x, ReadOnlySpan<T> v, Span<T> o)
    {
        int i = 0;
        var s = new Vector<T>(_slope);
        if (Vector.IsHardwareAccelerated)
        {
            int w = Vector<T>.Count;
            for (; i <= x.Length - w; i += w)
            {
                var vv = new Vector<T>(v.Slice(i, w));
                Vector.ConditionalSelect(Vector.GreaterThan(new Vector<T>(x.Slice(i, w)), Vector<T>.Zero), vv, vv * s).CopyTo(o.Slice(i, w));
            }
        }
        for (; i < x.Length; i++) o[i] = x[i] > T.Zero ? v[i] : v[i] * _slope;
    }
}
