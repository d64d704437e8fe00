using System.Numerics;
using System.Numerics.Tensors;

namespace HpcKit.Core.Comm;

/// <summary>Element-wise combination used by every transport, so results agree bit for bit.</summary>
internal static class Reduction
{
    /// <summary>acc[i] = op(acc[i], x[i]).</summary>
    public static void Combine<T>(Span<T> acc, ReadOnlySpan<T> x, ReduceOp op) where T : unmanaged, INumber<T>
    {
        switch (op)
        {
            case ReduceOp.Sum: TensorPrimitives.Add(acc, x, acc); break;
            case ReduceOp.Max: TensorPrimitives.Max(acc, x, acc); break;
            case ReduceOp.Min: TensorPrimitives.Min(acc, x, acc); break;
            default: throw new ArgumentOutOfRangeException(nameof(op));
        }
    }
}
