using System.Runtime.InteropServices;

namespace HpcKit.Core.LinearAlgebra;

/// <summary>
/// CBLAS from OpenBLAS (<c>libopenblas.so.0</c>), or from whatever <c>libblas.so.3</c> provides, bound at run
/// time. Row-major calls map directly onto <c>cblas_?gemm</c> / <c>cblas_?gemv</c> with CblasRowMajor.
/// </summary>
public sealed unsafe class NativeBlas : IBlasProvider
{
    private const int RowMajor = 101, NoTrans = 111, Trans = 112;

    private readonly delegate* unmanaged<int, int, int, int, int, int, float, float*, int, float*, int, float, float*, int, void> _sgemm;
    private readonly delegate* unmanaged<int, int, int, int, int, int, double, double*, int, double*, int, double, double*, int, void> _dgemm;
    private readonly delegate* unmanaged<int, int, int, int, float, float*, int, float*, int, float, float*, int, void> _sgemv;
    private readonly delegate* unmanaged<int, int, int, int, double, double*, int, double*, int, double, double*, int, void> _dgemv;
    private readonly delegate* unmanaged<int, void> _setThreads;
    private int _threads;

    private NativeBlas(nint lib, string name)
    {
        Name = name;
        _sgemm = (delegate* unmanaged<int, int, int, int, int, int, float, float*, int, float*, int, float, float*, int, void>)NativeLibrary.GetExport(lib, "cblas_sgemm");
        _dgemm = (delegate* unmanaged<int, int, int, int, int, int, double, double*, int, double*, int, double, double*, int, void>)NativeLibrary.GetExport(lib, "cblas_dgemm");
        _sgemv = (delegate* unmanaged<int, int, int, int, float, float*, int, float*, int, float, float*, int, void>)NativeLibrary.GetExport(lib, "cblas_sgemv");
        _dgemv = (delegate* unmanaged<int, int, int, int, double, double*, int, double*, int, double, double*, int, void>)NativeLibrary.GetExport(lib, "cblas_dgemv");
        if (NativeLibrary.TryGetExport(lib, "openblas_set_num_threads", out nint st)) _setThreads = (delegate* unmanaged<int, void>)st;
        _threads = Environment.ProcessorCount;
        SetThreads(_threads);
    }

    public string Name { get; }

    public int Threads
    {
        get => _threads;
        set
        {
            _threads = Math.Max(1, value);
            SetThreads(_threads);
        }
    }

    /// <summary>Loads OpenBLAS (or libblas.so.3 with CBLAS symbols); null with a reason when none is usable.</summary>
    public static NativeBlas? TryLoad(out string reason)
    {
        foreach (var (file, label) in new[] { ("libopenblas.so.0", "OpenBLAS (libopenblas.so.0)"), ("libblas.so.3", "system BLAS (libblas.so.3)") })
        {
            if (!NativeLibrary.TryLoad(file, out nint lib)) continue;
            if (!NativeLibrary.TryGetExport(lib, "cblas_dgemm", out _)) continue;
            string name = label;
            if (file == "libblas.so.3" && NativeLibrary.TryGetExport(lib, "openblas_set_num_threads", out _)) name = "OpenBLAS (via libblas.so.3)";
            reason = "";
            return new NativeBlas(lib, name);
        }
        reason = "no CBLAS library found (apt-get install libopenblas0-pthread)";
        return null;
    }

    private void SetThreads(int n)
    {
        if (_setThreads != null) _setThreads(n);
    }

    public void Sgemm(Transpose ta, Transpose tb, int m, int n, int k, float alpha, ReadOnlySpan<float> a, int lda,
        ReadOnlySpan<float> b, int ldb, float beta, Span<float> c, int ldc)
    {
        GemmShape.Check(ta, tb, m, n, k, a, lda, b, ldb, c, ldc);
        if (m == 0 || n == 0) return;
        fixed (float* pa = a) fixed (float* pb = b) fixed (float* pc = c)
            _sgemm(RowMajor, T(ta), T(tb), m, n, k, alpha, pa, Math.Max(1, lda), pb, Math.Max(1, ldb), beta, pc, Math.Max(1, ldc));
    }

    public void Dgemm(Transpose ta, Transpose tb, int m, int n, int k, double alpha, ReadOnlySpan<double> a, int lda,
        ReadOnlySpan<double> b, int ldb, double beta, Span<double> c, int ldc)
    {
        GemmShape.Check(ta, tb, m, n, k, a, lda, b, ldb, c, ldc);
        if (m == 0 || n == 0) return;
        fixed (double* pa = a) fixed (double* pb = b) fixed (double* pc = c)
            _dgemm(RowMajor, T(ta), T(tb), m, n, k, alpha, pa, Math.Max(1, lda), pb, Math.Max(1, ldb), beta, pc, Math.Max(1, ldc));
    }

    public void Sgemv(Transpose ta, int m, int n, float alpha, ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> x, float beta, Span<float> y)
    {
        GemmShape.CheckGemv(ta, m, n, a, lda, x, y);
        if (m == 0 || n == 0) { ScaleOnly(ta, m, n, beta, y); return; }
        fixed (float* pa = a) fixed (float* px = x) fixed (float* py = y)
            _sgemv(RowMajor, T(ta), m, n, alpha, pa, Math.Max(1, lda), px, 1, beta, py, 1);
    }

    public void Dgemv(Transpose ta, int m, int n, double alpha, ReadOnlySpan<double> a, int lda, ReadOnlySpan<double> x, double beta, Span<double> y)
    {
        GemmShape.CheckGemv(ta, m, n, a, lda, x, y);
        if (m == 0 || n == 0) { ScaleOnly(ta, m, n, beta, y); return; }
        fixed (double* pa = a) fixed (double* px = x) fixed (double* py = y)
            _dgemv(RowMajor, T(ta), m, n, alpha, pa, Math.Max(1, lda), px, 1, beta, py, 1);
    }

    /// <summary>With an empty inner dimension y = β·y (CBLAS would reject the zero size).</summary>
    private static void ScaleOnly<TV>(Transpose ta, int m, int n, TV beta, Span<TV> y) where TV : System.Numerics.IFloatingPointIeee754<TV>
    {
        int len = ta == Transpose.No ? m : n;
        for (int i = 0; i < len; i++) y[i] = beta == TV.Zero ? TV.Zero : beta * y[i];
    }

    private static int T(Transpose t) => t == Transpose.No ? NoTrans : Trans;
}
