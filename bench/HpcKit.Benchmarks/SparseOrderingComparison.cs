using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using HpcKit.Sparse.Factorization;
using HpcKit.Sparse.Generators;
using HpcKit.Sparse.IO;
using HpcKit.Sparse.Ordering;
using HpcKit.Sparse.Storage;

namespace HpcKit.Benchmarks;

/// <summary>
/// Fill-reducing orderings only: HpcKit's COLAMD and AMD against SuiteSparse KLU's klu_analyze (COLAMD, btf = 0) on the
/// ACTIVSg200 matrix and generated N-bus KKT systems (system 1 of each sequence, as in sparse-klu). Prints the analysis
/// time (median of --reps after a warm-up) and, for our LU (tol 0.1) on each order, nnz(L+U) and factor flops, next to
/// KLU's own factor on its order.
/// Run: dotnet bench/HpcKit.Benchmarks/bin/Release/net10.0/HpcKit.Benchmarks.dll sparse-ordering [--buses 2000,10000] [--reps 11] [--data dir]
/// </summary>
internal static unsafe class SparseOrderingComparison
{
    private static readonly CultureInfo Ci = CultureInfo.InvariantCulture;

    /// <summary>Runs the comparison; options as in the class summary.</summary>
    public static void Run(string[] args)
    {
        int reps = 11;
        string buses = "2000,10000";
        string data = "../shared/data/sparse";
        for (int i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--reps": reps = int.Parse(args[i + 1], Ci); break;
                case "--buses": buses = args[i + 1]; break;
                case "--data": data = args[i + 1]; break;
            }
        }
        Console.WriteLine($"# orderings: HpcKit vs KLU klu_analyze (COLAMD) — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores (shared), medians of {reps}");
        Console.WriteLine("| matrix | n | nnz(A) | ordering | analysis ms | vs KLU | nnz(L+U) | vs KLU | flops | vs KLU | nnz(chol(A+Aᵀ)) | vs KLU q | nnz(chol(AᵀA)) | vs KLU q |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        var a1 = MatrixMarketReader.Read(Path.Combine(data, "matrix_ACTIVSg200_AC_renumbered_add9_01.mtx")).ExpandSymmetric();
        RunCase("ACTIVSg200", a1, reps);
        foreach (var nbText in buses.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            int nb = int.Parse(nbText, Ci);
            var gen = new KktSequenceGenerator(new KktGeneratorOptions { Buses = nb, Seed = 1 });
            var list = new List<KktSystem>();
            gen.Run(list.Add);
            RunCase($"{nb}-bus KKT", CscMatrix.ExpandLowerSymmetric(list[Math.Min(1, list.Count - 1)].Lower), reps);
        }
    }

    private static void RunCase(string name, CscMatrix a, int reps)
    {
        var (tKlu, qKlu, nnzKlu, flopsKlu) = Klu(a, reps);
        var fk = LUFactorization.Factorize(a, qKlu);
        var ata = AtA(a);
        long cholKlu = CholeskyNnz(a, qKlu), ataKlu = CholeskyNnz(ata, qKlu);
        void Row(string ordering, double t, long nnz, double flops, int[] q)
        {
            long chol = CholeskyNnz(a, q), cholAta = CholeskyNnz(ata, q);
            Console.WriteLine(string.Create(Ci,
                $"| {name} | {a.Rows} | {a.Nnz} | {ordering} | {t * 1e3:F3} | {t / tKlu:F2} | {nnz} | {(double)nnz / nnzKlu:F3} | {flops:E3} | {flops / flopsKlu:F3} | {chol} | {(double)chol / cholKlu:F3} | {cholAta} | {(double)cholAta / ataKlu:F3} |"));
        }
        Row("KLU COLAMD, KLU factor", tKlu, nnzKlu, flopsKlu, qKlu);
        Row("KLU COLAMD q, HpcKit LU", double.NaN, fk.NnzLU, fk.Flops, qKlu);
        foreach (var kind in new[] { OrderingKind.Colamd, OrderingKind.Amd })
        {
            double t = Median(reps, () => SymbolicAnalysis.Analyze(a, kind));
            var q = SymbolicAnalysis.Analyze(a, kind).Q;
            var f = LUFactorization.Factorize(a, q);
            Row($"HpcKit {kind}, HpcKit LU", t, f.NnzLU, f.Flops, q);
        }
    }

    private static (double T, int[] Q, long Nnz, double Flops) Klu(CscMatrix a, int reps)
    {
        int n = a.Rows;
        var cm = (SparseKluNative.KluCommon*)NativeMemory.AllocZeroed((nuint)sizeof(SparseKluNative.KluCommon));
        var hp = GCHandle.Alloc(a.ColPtr, GCHandleType.Pinned);
        var hi = GCHandle.Alloc(a.RowIdx, GCHandleType.Pinned);
        var hx = GCHandle.Alloc(a.Values, GCHandleType.Pinned);
        nint sym = 0, num = 0;
        try
        {
            SparseKluNative.Defaults(cm);
            cm->Ordering = 1;
            cm->Btf = 0;
            cm->Scale = 0;
            cm->Tol = 0.1;
            cm->HaltIfSingular = 0;
            int* ap = (int*)hp.AddrOfPinnedObject(), ai = (int*)hi.AddrOfPinnedObject();
            nint cmI = (nint)cm, apI = (nint)ap, aiI = (nint)ai;
            double t = Median(reps, () =>
            {
                var s = SparseKluNative.Analyze(n, (int*)apI, (int*)aiI, (SparseKluNative.KluCommon*)cmI);
                SparseKluNative.FreeSymbolic(&s, (SparseKluNative.KluCommon*)cmI);
            });
            sym = SparseKluNative.Analyze(n, ap, ai, cm);
            num = SparseKluNative.Factor(ap, ai, (double*)hx.AddrOfPinnedObject(), sym, cm);
            if (num == 0) throw new InvalidOperationException($"klu_factor failed: status {cm->Status}");
            var (lnz, unz) = SparseKluNative.Counts(num);
            SparseKluNative.Flops(sym, num, cm);
            return (t, SparseKluNative.SymbolicQ(sym, n), (long)lnz + unz - n, cm->Flops);
        }
        finally
        {
            if (num != 0) SparseKluNative.FreeNumeric(&num, cm);
            if (sym != 0) SparseKluNative.FreeSymbolic(&sym, cm);
            hp.Free();
            hi.Free();
            hx.Free();
            NativeMemory.Free(cm);
        }
    }

    /// <summary>Pattern of AᵀA (values 1).</summary>
    private static CscMatrix AtA(CscMatrix a)
    {
        int n = a.Columns;
        var at = a.Transpose();
        var ptr = new int[n + 1];
        var idx = new List<int>();
        var mark = new int[n];
        Array.Fill(mark, -1);
        for (int j = 0; j < n; j++)
        {
            for (int p = a.ColPtr[j]; p < a.ColPtr[j + 1]; p++)
            {
                int r = a.RowIdx[p];
                for (int t = at.ColPtr[r]; t < at.ColPtr[r + 1]; t++)
                {
                    int c = at.RowIdx[t];
                    if (mark[c] != j) { mark[c] = j; idx.Add(c); }
                }
            }
            ptr[j + 1] = idx.Count;
        }
        return new CscMatrix(n, n, ptr, idx.ToArray(), new double[idx.Count]);
    }

    /// <summary>nnz of the Cholesky factor L (diagonal included) of the pattern of Qᵀ(A + Aᵀ)Q: elimination tree, then row subtrees.</summary>
    private static long CholeskyNnz(CscMatrix a, int[] q)
    {
        int n = a.Columns;
        var pinv = new int[n];
        for (int k = 0; k < n; k++) pinv[q[k]] = k;
        // lower triangle of the permuted symmetric pattern, by rows: row i lists k < i
        var rows = new List<int>[n];
        for (int i = 0; i < n; i++) rows[i] = new List<int>();
        for (int j = 0; j < n; j++)
            for (int p = a.ColPtr[j]; p < a.ColPtr[j + 1]; p++)
            {
                int r = pinv[a.RowIdx[p]], c = pinv[j];
                if (r == c) continue;
                rows[Math.Max(r, c)].Add(Math.Min(r, c));
            }
        var parent = new int[n];
        var ancestor = new int[n];
        for (int i = 0; i < n; i++)
        {
            parent[i] = -1;
            ancestor[i] = -1;
            foreach (int k0 in rows[i])
                for (int k = k0; k != -1 && k < i;)
                {
                    int next = ancestor[k];
                    ancestor[k] = i;
                    if (next == -1) { parent[k] = i; break; }
                    k = next;
                }
        }
        var mark = new int[n];
        Array.Fill(mark, -1);
        long nnz = n;
        for (int i = 0; i < n; i++)
        {
            mark[i] = i;
            foreach (int k0 in rows[i])
                for (int k = k0; k != -1 && mark[k] != i; k = parent[k]) { mark[k] = i; nnz++; }
        }
        return nnz;
    }

    private static double Median(int reps, Action a)
    {
        GC.Collect();
        long w0 = Stopwatch.GetTimestamp();
        for (int calls = 0; calls < 40 && (calls == 0 || Stopwatch.GetElapsedTime(w0).TotalSeconds < 0.5); calls++) a();
        var t = new double[reps];
        for (int i = 0; i < reps; i++)
        {
            long s = Stopwatch.GetTimestamp();
            a();
            t[i] = Stopwatch.GetElapsedTime(s).TotalSeconds;
        }
        Array.Sort(t);
        return t[reps / 2];
    }
}
