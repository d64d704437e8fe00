namespace HpcKit.Core.LinearAlgebra;

/// <summary>Argument checks shared by every BLAS backend, so a bad call fails the same way everywhere.</summary>
internal static class GemmShape
{
    public static void Check<T>(Transpose ta, Transpose tb, int m, int n, int k, ReadOnlySpan<T> a, int lda,
        ReadOnlySpan<T> b, int ldb, Span<T> c, int ldc)
    {
        if (m < 0 || n < 0 || k < 0) throw new ArgumentException($"negative GEMM size m={m} n={n} k={k}");
        int aRows = ta == Transpose.No ? m : k, aCols = ta == Transpose.No ? k : m;
        int bRows = tb == Transpose.No ? k : n, bCols = tb == Transpose.No ? n : k;
        Operand("A", aRows, aCols, a.Length, lda);
        Operand("B", bRows, bCols, b.Length, ldb);
        Operand("C", m, n, c.Length, ldc);
    }

    public static void CheckGemv<T>(Transpose ta, int m, int n, ReadOnlySpan<T> a, int lda, ReadOnlySpan<T> x, Span<T> y)
    {
        Operand("A", m, n, a.Length, lda);
        int xl = ta == Transpose.No ? n : m, yl = ta == Transpose.No ? m : n;
        if (x.Length < xl || y.Length < yl) throw new ArgumentException($"GEMV vectors too short: x needs {xl}, y needs {yl}");
    }

    private static void Operand(string name, int rows, int cols, int length, int ld)
    {
        if (rows == 0 || cols == 0) return;
        if (ld < cols) throw new ArgumentException($"{name}: leading dimension {ld} < columns {cols}");
        if ((long)(rows - 1) * ld + cols > length) throw new ArgumentException($"{name}: {rows}×{cols} with ld {ld} exceeds its {length} elements");
    }
}
