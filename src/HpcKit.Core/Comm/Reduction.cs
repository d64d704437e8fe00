using System.Numerics;
using System.Numerics.Tensors;

namespace HpcKit.Core.Comm;

/// <summary>Element-wise combination used by every transport, so results agree bit for bit.</summary>
internal static class Reduction
{
    /// <summary>acc[i] = op(acc[i], x[i]).</summary>
    public static void Combine<T>(Span<T> acc, ReadOnlySpan<T> x, ReduceOp op) where T : unmanaged, INumber<T>
        => Combine(acc, x, acc, op);

    /// <summary>dst[i] = op(x[i], y[i]): one pass where copy-then-combine would take two.</summary>
    public static void Combine<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> dst, ReduceOp op) where T : unmanaged, INumber<T>
    {
        switch (op)
        {
            case ReduceOp.Sum: TensorPrimitives.Add(x, y, dst); break;
            case ReduceOp.Max: TensorPrimitives.Max(x, y, dst); break;
            case ReduceOp.Min: TensorPrimitives.Min(x, y, dst); break;
            default: throw new ArgumentOutOfRangeException(nameof(op));
        }
    }
}
