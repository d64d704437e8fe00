using System.Numerics;

namespace HpcKit.Phantom.Layers;

/// <summary>Row-wise helpers on row-major rows×width blocks (elementwise work; not counted as FLOPs).</summary>
internal static class RowOps
{
    /// <summary>z[i, :] += b.</summary>
    public static void AddBias<T>(Span<T> z, ReadOnlySpan<T> b, int rows, int width) where T : unmanaged, INumber<T>
    {
        for (int i = 0; i < rows; i++)
        {
            var row = z.Slice(i * width, width);
            for (int j = 0; j < width; j++) row[j] += b[j];
        }
    }

    /// <summary>sums += Σ_i x[i, :].</summary>
    public static void ColumnSums<T>(ReadOnlySpan<T> x, Span<T> sums, int rows, int width) where T : unmanaged, INumber<T>
    {
        for (int i = 0; i < rows; i++)
        {
            var row = x.Slice(i * width, width);
            for (int j = 0; j < width; j++) sums[j] += row[j];
        }
    }
}
