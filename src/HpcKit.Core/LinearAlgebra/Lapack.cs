using System.Runtime.InteropServices;

namespace HpcKit.Core.LinearAlgebra;

/// <summary>
/// LAPACK's symmetric eigensolvers through the Fortran ABI of <c>liblapack.so.3</c> (or OpenBLAS, which
/// bundles LAPACK): dsyevr (MRRR, optional lowest-k subset) and dsygvd (divide and conquer, A·x = λ·B·x).
/// Column-major storage of a symmetric matrix equals its row-major storage, so no transposition is needed.
/// </summary>
internal static unsafe class Lapack
{
    private static readonly Lazy<nint> Lib = new(Load);

    public static bool Available => Lib.Value != 0;

    private static nint Load()
    {
        foreach (var f in new[] { "liblapack.so.3", "libopenblas.so.0" })
        {
            if (NativeLibrary.TryLoad(f, out nint h) && NativeLibrary.TryGetExport(h, "dsyevr_", out _) && NativeLibrary.TryGetExport(h, "dsygvd_", out _)) return h;
        }
        return 0;
    }

    /// <summary>dsyevr: lowest <paramref name="count"/> eigenpairs (all when count = n). a is destroyed.</summary>
    public static EigenDecomposition Syevr(double[] a, int n, int count)
    {
        var f = (delegate* unmanaged<byte*, byte*, byte*, int*, double*, int*, double*, double*, int*, int*, double*, int*, double*, double*, int*, int*, double*, int*, int*, int*, int*, nint, nint, nint, void>)
            NativeLibrary.GetExport(Lib.Value, "dsyevr_");
        byte jobz = (byte)'V', range = count < n ? (byte)'I' : (byte)'A', uplo = (byte)'L';
        int lda = Math.Max(1, n), il = 1, iu = count, m = 0, info = 0, ldz = Math.Max(1, n);
        double vl = 0, vu = 0, abstol = 0;
        var w = new double[Math.Max(1, n)];
        var z = new double[Math.Max(1, n * count)];
        var isuppz = new int[Math.Max(2, 2 * n)];
        double wq;
        int iwq, lwork = -1, liwork = -1;
        fixed (double* pa = a, pw = w, pz = z)
        fixed (int* ps = isuppz)
        {
            f(&jobz, &range, &uplo, &n, pa, &lda, &vl, &vu, &il, &iu, &abstol, &m, pw, pz, &ldz, ps, &wq, &lwork, &iwq, &liwork, &info, 1, 1, 1);
            lwork = (int)wq;
            liwork = iwq;
            var work = new double[Math.Max(1, lwork)];
            var iwork = new int[Math.Max(1, liwork)];
            fixed (double* pwk = work)
            fixed (int* piw = iwork)
                f(&jobz, &range, &uplo, &n, pa, &lda, &vl, &vu, &il, &iu, &abstol, &m, pw, pz, &ldz, ps, pwk, &lwork, piw, &liwork, &info, 1, 1, 1);
        }
        if (info != 0) throw new InvalidOperationException($"dsyevr failed (info = {info})");
        return new EigenDecomposition(n, w[..count], z[..(n * count)], "LAPACK dsyevr");
    }

    /// <summary>dsygvd, itype 1: A·x = λ·B·x with B symmetric positive definite. a and b are destroyed.</summary>
    public static EigenDecomposition Sygvd(double[] a, double[] b, int n)
    {
        var f = (delegate* unmanaged<int*, byte*, byte*, int*, double*, int*, double*, int*, double*, double*, int*, int*, int*, int*, nint, nint, void>)
            NativeLibrary.GetExport(Lib.Value, "dsygvd_");
        int itype = 1, lda = Math.Max(1, n), ldb = Math.Max(1, n), info = 0, lwork = -1, liwork = -1;
        byte jobz = (byte)'V', uplo = (byte)'L';
        var w = new double[Math.Max(1, n)];
        double wq;
        int iwq;
        fixed (double* pa = a, pb = b, pw = w)
        {
            f(&itype, &jobz, &uplo, &n, pa, &lda, pb, &ldb, pw, &wq, &lwork, &iwq, &liwork, &info, 1, 1);
            lwork = (int)wq;
            liwork = iwq;
            var work = new double[Math.Max(1, lwork)];
            var iwork = new int[Math.Max(1, liwork)];
            fixed (double* pwk = work)
            fixed (int* piw = iwork)
                f(&itype, &jobz, &uplo, &n, pa, &lda, pb, &ldb, pw, pwk, &lwork, piw, &liwork, &info, 1, 1);
        }
        if (info > n) throw new HpcKitDataException($"dsygvd: B is not positive definite (leading minor {info - n} is not positive)");
        if (info != 0) throw new InvalidOperationException($"dsygvd failed (info = {info})");
        return new EigenDecomposition(n, w[..n], a[..(n * n)], "LAPACK dsygvd");
    }
}
