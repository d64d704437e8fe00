using System.Runtime.InteropServices;

namespace HpcKit.Benchmarks;

/// <summary>
/// P/Invoke into SuiteSparse KLU (Debian libklu, 32-bit int API) for the side-by-side benchmark only; the library
/// never links KLU. <see cref="KluCommon"/> mirrors klu_common of the installed klu.h (SuiteSparse 5.x/7.x layout:
/// 5 doubles, 3 ints, 2 pointers, 7 ints, 5 doubles, 2 size_t), with trailing padding as a guard.
/// </summary>
internal static unsafe partial class SparseKluNative
{
    private const string Lib = "libklu.so";

    [StructLayout(LayoutKind.Sequential)]
    public struct KluCommon
    {
        public double Tol, MemGrow, InitMemAmd, InitMem, MaxWork;
        public int Btf, Ordering, Scale;
        public IntPtr UserOrder, UserData;
        public int HaltIfSingular, Status, NRealloc, StructuralRank, NumericalRank, SingularCol, NOffDiag;
        public double Flops, Rcond, Condest, Rgrowth, Work;
        public nuint MemUsage, MemPeak;
        public fixed byte Guard[256];
    }

    [LibraryImport(Lib, EntryPoint = "klu_defaults")]
    public static partial int Defaults(KluCommon* common);

    [LibraryImport(Lib, EntryPoint = "klu_analyze")]
    public static partial IntPtr Analyze(int n, int* ap, int* ai, KluCommon* common);

    [LibraryImport(Lib, EntryPoint = "klu_factor")]
    public static partial IntPtr Factor(int* ap, int* ai, double* ax, IntPtr symbolic, KluCommon* common);

    [LibraryImport(Lib, EntryPoint = "klu_refactor")]
    public static partial int Refactor(int* ap, int* ai, double* ax, IntPtr symbolic, IntPtr numeric, KluCommon* common);

    [LibraryImport(Lib, EntryPoint = "klu_solve")]
    public static partial int Solve(IntPtr symbolic, IntPtr numeric, int ldim, int nrhs, double* b, KluCommon* common);

    [LibraryImport(Lib, EntryPoint = "klu_rgrowth")]
    public static partial int Rgrowth(int* ap, int* ai, double* ax, IntPtr symbolic, IntPtr numeric, KluCommon* common);

    [LibraryImport(Lib, EntryPoint = "klu_flops")]
    public static partial int Flops(IntPtr symbolic, IntPtr numeric, KluCommon* common);

    [LibraryImport(Lib, EntryPoint = "klu_rcond")]
    public static partial int Rcond(IntPtr symbolic, IntPtr numeric, KluCommon* common);

    [LibraryImport(Lib, EntryPoint = "klu_free_symbolic")]
    public static partial int FreeSymbolic(IntPtr* symbolic, KluCommon* common);

    [LibraryImport(Lib, EntryPoint = "klu_free_numeric")]
    public static partial int FreeNumeric(IntPtr* numeric, KluCommon* common);

    /// <summary>KLU's numeric object starts with n, nblocks, lnz, unz (both counts include the diagonal).</summary>
    public static (int Lnz, int Unz) Counts(IntPtr numeric) => (((int*)numeric)[2], ((int*)numeric)[3]);

    /// <summary>KLU's column order: klu_symbolic holds 4 doubles and a pointer, then n, nz (ints), then P and Q (int*).</summary>
    public static int[] SymbolicQ(IntPtr symbolic, int n)
    {
        if (*(int*)((byte*)symbolic + 40) != n) throw new InvalidOperationException("unexpected klu_symbolic layout");
        var q = new int[n];
        int* pq = *(int**)((byte*)symbolic + 56);
        new ReadOnlySpan<int>(pq, n).CopyTo(q);
        if (!HpcKit.Sparse.Factorization.SymbolicAnalysis.IsPermutation(q, n)) throw new InvalidOperationException("klu_symbolic Q is not a permutation");
        return q;
    }
}
