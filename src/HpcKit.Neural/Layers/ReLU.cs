using System.Numerics;

namespace HpcKit.Neural;

/// <summary>ReLU: y = max(x, 0); dX = dY where x &gt; 0, else 0.</summary>
public sealed class ReLU<T> : Activation<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <inheritdoc/>
    public override string Name => "ReLU";

    /// <inheritdoc/>
    protected override void Apply(ReadOnlySpan<T> x, Span<T> y) => System.Numerics.Tensors.TensorPrimitives.Max(x, T.Zero, y);

    /// <inheritdoc/>
    protected override void Derive(ReadOnlySpan<T> x, ReadOnlySpan<T> y, ReadOnlySpan<T> dy, Span<T> dx)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            int w = Vector<T>.Count;
            for (; i <= x.Length - w; i += w)
            {
                var xv = new Vector<T>(x.Slice(i, w));
                var g = new Vector<T>(dy.Slice(i, w));
                Vector.ConditionalSelect(Vector.GreaterThan(xv, Vector<T>.Zero), g, Vector<T>.Zero).CopyTo(dx.Slice(i, w));
            }
        }
        for (; i < x.Length; i++) dx[i] = x[i] > T.Zero ? dy[i] : T.Zero;
    }
}
