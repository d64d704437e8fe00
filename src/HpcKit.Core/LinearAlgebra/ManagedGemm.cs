using System.Buffers;
using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace HpcKit.Core.LinearAlgebra;

/// <summary>
/// Managed GEMM: α·op(A) is packed row-major (cost m·k), op(B) is used in place or packed when transposed
/// (cost k·n), then C is updated by a 4-row × 2-vector register-blocked FMA micro-kernel over KC×NC cache blocks
/// of B. Rows are split across threads by contiguous ranges. Cost 2·m·n·k flops, O(mk + kn) extra memory.
/// </summary>
internal static unsafe class ManagedGemm
{
    private const int MR = 4, KC = 256, NC = 512;

    public static void Gemm<T>(Transpose ta, Transpose tb, int m, int n, int k, T alpha, ReadOnlySpan<T> a, int lda,
        ReadOnlySpan<T> b, int ldb, T beta, Span<T> c, int ldc, int threads)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int i = 0; i < m; i++)
        {
            var row = c.Slice(i * ldc, n);
            if (beta == T.Zero) row.Clear();
            else if (beta != T.One) TensorPrimitives.Multiply(row, beta, row);
        }
        if (k == 0 || alpha == T.Zero || m == 0 || n == 0) return;

        T[] ap = ArrayPool<T>.Shared.Rent(m * k);
        T[]? bp = null;
        try
        {
            for (int i = 0; i < m; i++)
            {
                var dst = ap.AsSpan(i * k, k);
                if (ta == Transpose.No) TensorPrimitives.Multiply(a.Slice(i * lda, k), alpha, dst);
                else for (int p = 0; p < k; p++) dst[p] = alpha * a[p * lda + i];
            }
            ReadOnlySpan<T> bb = b;
            int ldbb = ldb;
            if (tb == Transpose.Yes)
            {
                bp = ArrayPool<T>.Shared.Rent(k * n);
                for (int p = 0; p < k; p++)
                    for (int j = 0; j < n; j++) bp[p * n + j] = b[j * ldb + p];
                bb = bp.AsSpan(0, k * n);
                ldbb = n;
            }
            fixed (T* pa = ap)
            fixed (T* pb = bb)
            fixed (T* pc = c)
            {
                nint A = (nint)pa, B = (nint)pb, C = (nint)pc;
                int blocks = (m + MR - 1) / MR;
                int workers = Math.Clamp(Math.Min(threads, (int)Math.Min(blocks, 2L * m * n * k / 2_000_000 + 1)), 1, blocks);
                if (workers == 1) Rows<T>((T*)A, (T*)B, ldbb, (T*)C, ldc, 0, m, n, k);
                else
                {
                    Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, w =>
                    {
                        int r0 = (int)((long)blocks * w / workers) * MR, r1 = Math.Min(m, (int)((long)blocks * (w + 1) / workers) * MR);
                        Rows<T>((T*)A, (T*)B, ldbb, (T*)C, ldc, r0, r1, n, k);
                    });
                }
            }
        }
        finally
        {
            ArrayPool<T>.Shared.Return(ap);
            if (bp != null) ArrayPool<T>.Shared.Return(bp);
        }
    }

    /// <summary>C[r0..r1) += A'[r0..r1)·B over cache blocks.</summary>
    private static void Rows<T>(T* a, T* b, int ldb, T* c, int ldc, int r0, int r1, int n, int k)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int w = Vector256<T>.Count;
        for (int jc = 0; jc < n; jc += NC)
        {
            int jn = Math.Min(NC, n - jc);
            for (int pc = 0; pc < k; pc += KC)
            {
                int kn = Math.Min(KC, k - pc);
                int i = r0;
                for (; i + MR <= r1; i += MR)
                {
                    int j = 0;
                    for (; j + 2 * w <= jn; j += 2 * w) Kernel4x2(a + (long)i * k + pc, k, b + (long)pc * ldb + jc + j, ldb, c + (long)i * ldc + jc + j, ldc, kn);
                    for (int ii = i; ii < i + MR; ii++) Tail(a + (long)ii * k + pc, b + (long)pc * ldb + jc, ldb, c + (long)ii * ldc + jc, j, jn, kn);
                }
                for (; i < r1; i++) Tail(a + (long)i * k + pc, b + (long)pc * ldb + jc, ldb, c + (long)i * ldc + jc, 0, jn, kn);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<T> Fma<T>(Vector256<T> x, Vector256<T> y, Vector256<T> acc) where T : unmanaged
    {
        if (System.Runtime.Intrinsics.X86.Fma.IsSupported)
        {
            if (typeof(T) == typeof(float)) return Vector256.FusedMultiplyAdd(x.AsSingle(), y.AsSingle(), acc.AsSingle()).As<float, T>();
            if (typeof(T) == typeof(double)) return Vector256.FusedMultiplyAdd(x.AsDouble(), y.AsDouble(), acc.AsDouble()).As<double, T>();
        }
        return x * y + acc;
    }

    /// <summary>The register block: C[4 × 2w] += A[4 × kn]·B[kn × 2w].</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Kernel4x2<T>(T* a, int lda, T* b, int ldb, T* c, int ldc, int kn) where T : unmanaged
    {
        int w = Vector256<T>.Count;
        T* c0 = c, c1 = c + ldc, c2 = c + 2 * ldc, c3 = c + 3 * ldc;
        Vector256<T> x00 = Vector256.Load(c0), x01 = Vector256.Load(c0 + w);
        Vector256<T> x10 = Vector256.Load(c1), x11 = Vector256.Load(c1 + w);
        Vector256<T> x20 = Vector256.Load(c2), x21 = Vector256.Load(c2 + w);
        Vector256<T> x30 = Vector256.Load(c3), x31 = Vector256.Load(c3 + w);
        T* a0 = a, a1 = a + lda, a2 = a + 2 * lda, a3 = a + 3 * lda;
        for (int p = 0; p < kn; p++)
        {
            T* bp = b + (long)p * ldb;
            Vector256<T> b0 = Vector256.Load(bp), b1 = Vector256.Load(bp + w);
            Vector256<T> s = Vector256.Create(a0[p]);
            x00 = Fma(s, b0, x00); x01 = Fma(s, b1, x01);
            s = Vector256.Create(a1[p]);
            x10 = Fma(s, b0, x10); x11 = Fma(s, b1, x11);
            s = Vector256.Create(a2[p]);
            x20 = Fma(s, b0, x20); x21 = Fma(s, b1, x21);
            s = Vector256.Create(a3[p]);
            x30 = Fma(s, b0, x30); x31 = Fma(s, b1, x31);
        }
        x00.Store(c0); x01.Store(c0 + w);
        x10.Store(c1); x11.Store(c1 + w);
        x20.Store(c2); x21.Store(c2 + w);
        x30.Store(c3); x31.Store(c3 + w);
    }

    /// <summary>One row, columns [j0, jn): c += a·B, vectorised with a scalar tail.</summary>
    private static void Tail<T>(T* a, T* b, int ldb, T* c, int j0, int jn, int kn) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (j0 >= jn) return;
        int w = Vector256<T>.Count;
        for (int p = 0; p < kn; p++)
        {
            T s = a[p];
            T* bp = b + (long)p * ldb;
            var vs = Vector256.Create(s);
            int j = j0;
            for (; j + w <= jn; j += w) Fma(vs, Vector256.Load(bp + j), Vector256.Load(c + j)).Store(c + j);
            for (; j < jn; j++) c[j] += s * bp[j];
        }
    }
}
