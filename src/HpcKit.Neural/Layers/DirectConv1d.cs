using System.Numerics;
using System.Numerics.Tensors;

namespace HpcKit.Neural;

/// <summary>
/// Direct stride-1 1-D convolution kernels on [N, C, L] → [N, O, Lout] (Lout = L + 2P − K + 1). Every inner step
/// is a vectorised multiply-add of a shifted input row into an output row (TensorPrimitives), so no im2col buffer
/// and no scatter are needed. Cost C·K passes over each output row forward, the same for dW and dX backward.
/// </summary>
internal static class DirectConv1d
{
    /// <summary>Valid output range [lo, hi) for tap k: input index j + k − P in [0, L).</summary>
    private static (int Lo, int Hi) Range(int k, int p, int length, int outLength) =>
        (Math.Max(0, p - k), Math.Min(outLength, length + p - k));

    public static void Forward<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> w, ReadOnlySpan<T> bias, Span<T> y,
        int n, int c, int o, int k, int p, int length, int outLength) where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int b = 0; b < n; b++)
        {
            for (int oc = 0; oc < o; oc++)
            {
                var dst = y.Slice((b * o + oc) * outLength, outLength);
                dst.Fill(bias.IsEmpty ? T.Zero : bias[oc]);
                for (int ic = 0; ic < c; ic++)
                {
                    var src = x.Slice((b * c + ic) * length, length);
                    for (int t = 0; t < k; t++)
                    {
                        var (lo, hi) = Range(t, p, length, outLength);
                        if (hi <= lo) continue;
                        var d = dst[lo..hi];
                        TensorPrimitives.MultiplyAdd(src.Slice(lo + t - p, hi - lo), w[(oc * c + ic) * k + t], d, d);
                    }
                }
            }
        }
    }

    public static void BackwardWeights<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> dy, Span<T> dw, Span<T> db,
        int n, int c, int o, int k, int p, int length, int outLength, int o0, int o1) where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int oc = o0; oc < o1; oc++)
        {
            for (int ic = 0; ic < c; ic++)
            {
                for (int t = 0; t < k; t++)
                {
                    var (lo, hi) = Range(t, p, length, outLength);
                    if (hi <= lo) continue;
                    T s = T.Zero;
                    for (int b = 0; b < n; b++)
                    {
                        s += TensorPrimitives.Dot(dy.Slice((b * o + oc) * outLength + lo, hi - lo),
                            x.Slice((b * c + ic) * length + lo + t - p, hi - lo));
                    }
                    dw[(oc * c + ic) * k + t] += s;
                }
            }
            if (!db.IsEmpty)
            {
                T s = T.Zero;
                for (int b = 0; b < n; b++) s += TensorPrimitives.Sum(dy.Slice((b * o + oc) * outLength, outLength));
                db[oc] += s;
            }
        }
    }

    public static void BackwardInput<T>(ReadOnlySpan<T> w, ReadOnlySpan<T> dy, Span<T> dx,
        int n, int c, int o, int k, int p, int length, int outLength) where T : unmanaged, IFloatingPointIeee754<T>
    {
        dx.Clear();
        for (int b = 0; b < n; b++)
        {
            for (int ic = 0; ic < c; ic++)
            {
                var dst = dx.Slice((b * c + ic) * length, length);
                for (int oc = 0; oc < o; oc++)
                {
                    var g = dy.Slice((b * o + oc) * outLength, outLength);
                    for (int t = 0; t < k; t++)
                    {
                        var (lo, hi) = Range(t, p, length, outLength);
                        if (hi <= lo) continue;
                        var d = dst.Slice(lo + t - p, hi - lo);
                        TensorPrimitives.MultiplyAdd(g[lo..hi], w[(oc * c + ic) * k + t], d, d);
                    }
                }
            }
        }
    }
}
