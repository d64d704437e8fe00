using System.Numerics;
using HpcKit.Core.Random;

namespace HpcKit.Phantom.Model;

/// <summary>
/// Counter-based initial weights (spec §3.6), independent of backend and rank placement. Every row of a TP/dense
/// matrix and every PP tensor (layer, tensor, r, s) has its own Philox stream, so a rank draws only what it owns.
/// Scheme: input N(0, 2/d_in), head N(0, 1/n), dense/TP hidden N(0, g/n); PP W_rr N(0, g/n), C_r N(0, 1/m),
/// D_rs N(0, (g/n)(m/k)); biases 0; g = 2 for ReLU/GELU, 1 for tanh.
/// </summary>
public static class InitStreams
{
    /// <summary>Tensor kinds in the stream id.</summary>
    public enum Kind : ulong
    {
        InputWeight = 1,
        DenseRow = 2,
        HeadRow = 3,
        LocalBlock = 4,
        Compression = 5,
        Decompression = 6,
    }

    /// <summary>Layer index used for the input layer (hidden layers are 1..L, head L+1).</summary>
    public const int InputLayer = 0;

    /// <summary>Stream id of (layer, kind, a, b): 12 + 8 + 22 + 22 bits.</summary>
    public static ulong StreamId(int layer, Kind kind, int a, int b) =>
        ((ulong)(uint)layer << 52) | ((ulong)kind << 44) | ((ulong)(uint)a << 22) | (uint)b;

    /// <summary>The gain g of the nonlinearity (2 for ReLU/GELU, 1 for tanh).</summary>
    public static double Gain(Activation f) => f == Activation.Tanh ? 1 : 2;

    /// <summary>Fills <paramref name="dst"/> with N(0, variance) from stream (seed, id).</summary>
    public static void Normal<T>(Span<T> dst, ulong seed, ulong id, double variance) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var rng = new RandomStream(seed, id);
        double sd = Math.Sqrt(variance);
        for (int i = 0; i < dst.Length; i++) dst[i] = T.CreateTruncating(sd * rng.NextNormal());
    }

    /// <summary>
    /// Rows [row0, row0 + rows) of a dense out×in matrix of layer <paramref name="layer"/> (one stream per row),
    /// columns [col0, col0 + cols) of each row, into dst (rows×cols, row-major).
    /// </summary>
    public static void DenseRows<T>(Span<T> dst, ulong seed, int layer, Kind kind, int inDim, int row0, int rows, int col0, int cols, double variance)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var full = new T[inDim];
        for (int i = 0; i < rows; i++)
        {
            Normal<T>(full, seed, StreamId(layer, kind, row0 + i, 0), variance);
            full.AsSpan(col0, cols).CopyTo(dst.Slice(i * cols, cols));
        }
    }
}
