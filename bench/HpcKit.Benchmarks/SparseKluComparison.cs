using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using HpcKit.Sparse.Factorization;
using HpcKit.Sparse.Generators;
using HpcKit.Sparse.IO;
using HpcKit.Sparse.Ordering;
using HpcKit.Sparse.Sequence;
using HpcKit.Sparse.Solvers;
using HpcKit.Sparse.Storage;

namespace HpcKit.Benchmarks;

/// <summary>
/// Side-by-side run of HpcKit.Sparse and SuiteSparse KLU (COLAMD, no BTF, no scaling, tol 0.1) in one process:
/// analysis, factor, refactor, solve, nnz(L+U), accuracy, and whole-sequence time. Medians of --reps runs.
/// Run: dotnet run -c Release --project bench/HpcKit.Benchmarks -- sparse-klu [--buses 2000,10000] [--reps 5] [--out file.md]
/// </summary>
internal static unsafe class SparseKluComparison
{
    private static readonly CultureInfo Ci = CultureInfo.InvariantCulture;
    private static double _lastMin;

    /// <summary>Fastest of the timed runs of the last <see cref="Median"/> call (robust to a loaded machine).</summary>
    private static double LastMin { get => _lastMin; set => _lastMin = value; }

    private sealed record Case(string Name, List<CscMatrix> A, List<double[]> B, List<double[]?> X);

    /// <summary>Runs the comparison; options as in the class summary.</summary>
    public static void Run(string[] args)
    {
        int reps = 5;
        string buses = "2000,10000";
        string? outPath = null;
        string data = "../shared/data/sparse";
        for (int i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--reps": reps = int.Parse(args[i + 1], Ci); break;
                case "--buses": buses = args[i + 1]; break;
                case "--out": outPath = args[i + 1]; break;
                case "--data": data = args[i + 1]; break;
            }
        }
        var sb = new StringBuilder();
        void Line(string s) { Console.WriteLine(s); sb.AppendLine(s); }
        Line($"# HpcKit.Sparse vs SuiteSparse KLU — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        Line($"CPU: {CpuModel()}, {Environment.ProcessorCount} logical cores, load average {LoadAverage()} at start; {RuntimeInformation.FrameworkDescription}; " +
             $"GC {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")}; single thread; medians of {reps} runs.");
        Line("KLU: COLAMD, btf = 0, scale = 0, tol = 0.1. HpcKit: COLAMD (own implementation), tol = 0.1. nnz(L+U) counts the diagonal once (KLU: lnz + unz − n).");
        Line("");
        var cases = new List<Case>();
        var a1 = MatrixMarketReader.Read(Path.Combine(data, "matrix_ACTIVSg200_AC_renumbered_add9_01.mtx")).ExpandSymmetric();
        var a2 = MatrixMarketReader.Read(Path.Combine(data, "matrix_ACTIVSg200_AC_renumbered_add9_02.mtx")).ExpandSymmetric();
        var ones = Enumerable.Repeat(1.0, a1.Rows).ToArray();
        cases.Add(new Case("ACTIVSg200 pair (b = A·1)", [a1, a2],
            [MatrixMarketReader.Read(Path.Combine(data, "rhs_ACTIVSg200_AC_renumbered_add9_ones_01.mtx")).ToDenseVector(),
             MatrixMarketReader.Read(Path.Combine(data, "rhs_ACTIVSg200_AC_renumbered_add9_ones_02.mtx")).ToDenseVector()], [ones, ones]));
        foreach (var nbText in buses.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            int nb = int.Parse(nbText, Ci);
            var sw = Stopwatch.StartNew();
            var gen = new KktSequenceGenerator(new KktGeneratorOptions { Buses = nb, Seed = 1 });
            var list = new List<KktSystem>();
            gen.Run(list.Add);
            Console.Error.WriteLine($"generated {nb}-bus sequence: {list.Count} systems, n = {gen.Dimension}, {sw.Elapsed.TotalSeconds:F1} s");
            cases.Add(new Case($"generated {nb}-bus DC-OPF sequence ({list.Count} systems, optimizer b)",
                list.Select(s => CscMatrix.ExpandLowerSymmetric(s.Lower)).ToList(), list.Select(s => s.Rhs).ToList(), list.Select(s => (double[]?)s.Reference).ToList()));
        }
        foreach (var c in cases) RunCase(c, reps, Line);
        if (outPath != null) File.WriteAllText(outPath, sb.ToString());
    }

    private static void RunCase(Case c, int reps, Action<string> line)
    {
        // the first system of an optimizer run is atypical (spec §2.3): factor system f0, refactor system f0 + 1
        int f0 = c.A.Count > 2 ? 1 : 0;
        var a0 = c.A[f0];
        var aR = c.A[Math.Min(f0 + 1, c.A.Count - 1)];
        var bR = c.B[Math.Min(f0 + 1, c.A.Count - 1)];
        var xR = c.X[Math.Min(f0 + 1, c.A.Count - 1)];
        int n = a0.Rows;
        line($"## {c.Name}: n = {n}, nnz(A) = {a0.Nnz}");
        // ---------- HpcKit
        var sym = SymbolicAnalysis.Analyze(a0);
        var mins = new double[8];
        double tAnaOurs = Median(reps, () => SymbolicAnalysis.Analyze(a0)); mins[0] = LastMin;
        LuFactors f = LUFactorization.Factorize(a0, sym.Q);
        // factor storage reused across calls (KLU's factor mallocs; a GC heap of fresh multi-MB arrays per call would not)
        double tFacOurs = Median(reps, () => f = LUFactorization.Factorize(a0, sym.Q, null, sym.EstimatedFactorNnz, f)); mins[1] = LastMin;
        var refac = new Refactorization(f, a0);
        var lu = new LuOptions();
        double tRefOurs = Median(reps, () => refac.Refactor(aR, lu)); mins[2] = LastMin;
        var x = new double[n];
        var w = new double[n];
        double tSolOurs = Median(reps, () => TriangularSolve.Solve(f, bR, x, w)); mins[3] = LastMin;
        var (resLu, nsrLu) = Accuracy(aR, bR, x);
        var g = new Fgmres(n, 20);
        var fg = g.Solve(aR, new LuPreconditioner(f), bR, x, new FgmresOptions());
        var (resFg, nsrFg) = Accuracy(aR, bR, x);
        double fwdOurs = xR == null ? double.NaN : Fwd(x, xR);
        // ---------- KLU
        KluCase(a0, aR, bR, xR, reps, out double tAnaKlu, out double tFacKlu, out double tRefKlu, out double tSolKlu, out long nnzKlu,
            out double resKlu, out double nsrKlu, out double fwdKlu, out double rgrowthKlu, mins, out int[] qKlu, out double flopsKlu);
        // same ordering: our factor and refactor on KLU's own column order (separates ordering quality from kernel speed)
        var fK = LUFactorization.Factorize(a0, qKlu);
        double tFacSame = Median(reps, () => fK = LUFactorization.Factorize(a0, qKlu, null, sym.EstimatedFactorNnz, fK));
        // our factor without sorting the rows of L and U (KLU does not sort either)
        var unsorted = new LuOptions { SortFactorRows = false };
        var fU = LUFactorization.Factorize(a0, sym.Q, unsorted);
        double tFacUns = Median(reps, () => fU = LUFactorization.Factorize(a0, sym.Q, unsorted, sym.EstimatedFactorNnz, fU)); double minUns = LastMin;
        var refacK = new Refactorization(fK, a0);
        double tRefSame = Median(reps, () => refacK.Refactor(aR, lu));
        line("");
        line("| phase | HpcKit.Sparse median (min) | KLU median (min) | ratio HpcKit/KLU of medians (of mins) |");
        line("|---|---|---|---|");
        line(Row("analysis (COLAMD) ms", tAnaOurs, tAnaKlu, mins[0], mins[4]));
        line(Row($"factor ms (system {f0})", tFacOurs, tFacKlu, mins[1], mins[5]));
        line(Row($"refactor ms (system {f0 + 1} on system {f0}'s pivots)", tRefOurs, tRefKlu, mins[2], mins[6]));
        line(Row("solve ms (1 rhs)", tSolOurs, tSolKlu, mins[3], mins[7]));
        line(string.Create(Ci, $"| nnz(L+U) | {f.NnzLU} | {nnzKlu} | {(double)f.NnzLU / nnzKlu:F2} |"));
        line(string.Create(Ci, $"| factor flops | {f.Flops:E3} | {flopsKlu:E3} | {f.Flops / flopsKlu:F2} |"));
        line(Row("factor ms, rows of L and U left unsorted as in KLU (SortFactorRows = false)", tFacUns, tFacKlu, minUns, mins[5]));
        line(string.Create(Ci, $"| same order: factor ms on KLU's COLAMD q (nnz(L+U) {fK.NnzLU}, flops {fK.Flops:E3}) | {tFacSame * 1e3:F3} | {tFacKlu * 1e3:F3} | {tFacSame / tFacKlu:F2} |"));
        line(string.Create(Ci, $"| same order: refactor ms on KLU's COLAMD q | {tRefSame * 1e3:F3} | {tRefKlu * 1e3:F3} | {tRefSame / tRefKlu:F2} |"));
        line(string.Create(Ci, $"| refactor / factor (medians) | {tRefOurs / tFacOurs:F3} | {tRefKlu / tFacKlu:F3} | |"));
        // row scaling on both sides: ours RowMax (powers of two), KLU scale = 2 (row max)
        var rowMax = new LuOptions { Scaling = RowScaling.RowMax };
        var fS = LUFactorization.Factorize(a0, sym.Q, rowMax);
        double tFacScaled = Median(reps, () => fS = LUFactorization.Factorize(a0, sym.Q, rowMax, sym.EstimatedFactorNnz, fS));
        var refacS = new Refactorization(fS, a0);
        double tRefScaled = Median(reps, () => refacS.Refactor(aR, rowMax));
        var (tFacKluS, tRefKluS, nnzKluS) = KluScaled(a0, aR, reps);
        line(string.Create(Ci, $"| row scaling (ours RowMax, KLU scale = 2): factor ms, nnz(L+U) {fS.NnzLU} vs {nnzKluS} | {tFacScaled * 1e3:F3} | {tFacKluS * 1e3:F3} | {tFacScaled / tFacKluS:F2} |"));
        line(string.Create(Ci, $"| row scaling: refactor ms | {tRefScaled * 1e3:F3} | {tRefKluS * 1e3:F3} | {tRefScaled / tRefKluS:F2} |"));
        line("");
        line(string.Create(Ci, $"Accuracy on system {f0 + 1} after refactorization: HpcKit LU solve relres {resLu:E1}, NSR {nsrLu:E1}; after FGMRES ({fg.Status}, {fg.Iterations} its) relres {resFg:E1}, NSR {nsrFg:E1}, forward error {fwdOurs:E1}; " +
            $"KLU refactor+solve relres {resKlu:E1}, NSR {nsrKlu:E1}, forward error {fwdKlu:E1}; HpcKit ρ {f.PivotGrowth:E2}, KLU rgrowth {rgrowthKlu:E2}."));
        // ---------- whole sequence
        if (c.A.Count > 2)
        {
            double worstFacade = 0, worstKluRef = 0;
            double tFacade = Median(reps, () =>
            {
                var s = new SequenceSolver(a0);
                var xx = new double[n];
                worstFacade = 0;
                for (int k = 0; k < c.A.Count; k++) { s.SetValues(c.A[k].Values); worstFacade = Math.Max(worstFacade, s.Solve(c.B[k], xx).ResidualAfter); }
            });
            double tOursFull = Median(reps, () =>
            {
                var q = SymbolicAnalysis.Analyze(a0).Q;
                var xx = new double[n]; var ww = new double[n];
                LuFactors? fs = null;
                for (int k = 0; k < c.A.Count; k++) { fs = LUFactorization.Factorize(c.A[k], q, null, 0, fs); TriangularSolve.Solve(fs, c.B[k], xx, ww); }
            });
            KluSequence(c, reps, out double tKluFull, out double tKluRef, out worstKluRef);
            line("");
            line("Whole sequence (every system, analysis included):");
            line("");
            line("| configuration | seconds | vs HpcKit factor-every-time | worst relres |");
            line("|---|---|---|---|");
            line(string.Create(Ci, $"| HpcKit factor + solve every system | {tOursFull:F3} | 1.00 | |"));
            line(string.Create(Ci, $"| HpcKit facade: 2 full, then refactor + FGMRES (fallbacks included) | {tFacade:F3} | {tOursFull / tFacade:F2}× faster | {worstFacade:E1} |"));
            line(string.Create(Ci, $"| KLU klu_factor + klu_solve every system | {tKluFull:F3} | {tOursFull / tKluFull:F2}× | |"));
            line(string.Create(Ci, $"| KLU klu_refactor + klu_solve (no refinement) | {tKluRef:F3} | {tOursFull / tKluRef:F2}× | {worstKluRef:E1} |"));
        }
        line("");
    }

    /// <summary>KLU settings of the comparison: COLAMD, no BTF, tol 0.1; <paramref name="scale"/> 0 (none) or 2 (row max).</summary>
    private static SparseKluNative.KluCommon* NewCommon(int scale = 0)
    {
        var cm = (SparseKluNative.KluCommon*)NativeMemory.AllocZeroed((nuint)sizeof(SparseKluNative.KluCommon));
        SparseKluNative.Defaults(cm);
        cm->Ordering = 1; // COLAMD
        cm->Btf = 0;
        cm->Scale = scale;
        cm->Tol = 0.1;
        cm->HaltIfSingular = 0;
        return cm;
    }

    /// <summary>KLU with row-max scaling: factor and refactor medians and nnz(L+U).</summary>
    private static (double Factor, double Refactor, long Nnz) KluScaled(CscMatrix a0, CscMatrix aR, int reps)
    {
        int n = a0.Rows;
        var cm = NewCommon(2);
        var pins = new[] { GCHandle.Alloc(a0.ColPtr, GCHandleType.Pinned), GCHandle.Alloc(a0.RowIdx, GCHandleType.Pinned),
            GCHandle.Alloc(a0.Values, GCHandleType.Pinned), GCHandle.Alloc(aR.Values, GCHandleType.Pinned) };
        nint apI = pins[0].AddrOfPinnedObject(), aiI = pins[1].AddrOfPinnedObject(), ax0I = pins[2].AddrOfPinnedObject(), axRI = pins[3].AddrOfPinnedObject();
        nint cmI = (nint)cm, sym = SparseKluNative.Analyze(n, (int*)apI, (int*)aiI, cm), num = 0;
        try
        {
            double tFac = Median(reps, () =>
            {
                var c = (SparseKluNative.KluCommon*)cmI;
                if (num != 0) { var nm = num; SparseKluNative.FreeNumeric(&nm, c); }
                num = SparseKluNative.Factor((int*)apI, (int*)aiI, (double*)ax0I, sym, c);
            });
            if (num == 0) throw new InvalidOperationException($"klu_factor (scaled) failed: status {cm->Status}");
            var (lnz, unz) = SparseKluNative.Counts(num);
            double tRef = Median(reps, () => SparseKluNative.Refactor((int*)apI, (int*)aiI, (double*)axRI, sym, num, (SparseKluNative.KluCommon*)cmI));
            return (tFac, tRef, (long)lnz + unz - n);
        }
        finally
        {
            nint nm = num, sy = sym;
            if (nm != 0) SparseKluNative.FreeNumeric(&nm, cm);
            if (sy != 0) SparseKluNative.FreeSymbolic(&sy, cm);
            foreach (var pin in pins) pin.Free();
            NativeMemory.Free(cm);
        }
    }

    private static void KluCase(CscMatrix a0, CscMatrix aR, double[] bR, double[]? xR, int reps, out double tAna, out double tFac, out double tRef, out double tSol,
        out long nnz, out double res, out double nsr, out double fwd, out double rgrowth, double[] mins, out int[] qKlu, out double flops)
    {
        int n = a0.Rows;
        var cmI = (nint)NewCommon();
        var pins = new[] { GCHandle.Alloc(a0.ColPtr, GCHandleType.Pinned), GCHandle.Alloc(a0.RowIdx, GCHandleType.Pinned),
            GCHandle.Alloc(a0.Values, GCHandleType.Pinned), GCHandle.Alloc(aR.Values, GCHandleType.Pinned) };
        nint apI = pins[0].AddrOfPinnedObject(), aiI = pins[1].AddrOfPinnedObject(), ax0I = pins[2].AddrOfPinnedObject(), axRI = pins[3].AddrOfPinnedObject();
        var h = new nint[2]; // symbolic, numeric
        try
        {
            tAna = Median(reps, () =>
            {
                var cm = (SparseKluNative.KluCommon*)cmI;
                if (h[0] != 0) { var s = h[0]; SparseKluNative.FreeSymbolic(&s, cm); }
                h[0] = SparseKluNative.Analyze(n, (int*)apI, (int*)aiI, cm);
            });
            mins[4] = LastMin;
            tFac = Median(reps, () =>
            {
                var cm = (SparseKluNative.KluCommon*)cmI;
                if (h[1] != 0) { var nm = h[1]; SparseKluNative.FreeNumeric(&nm, cm); }
                h[1] = SparseKluNative.Factor((int*)apI, (int*)aiI, (double*)ax0I, h[0], cm);
            });
            mins[5] = LastMin;
            if (h[1] == 0) throw new InvalidOperationException($"klu_factor failed: status {((SparseKluNative.KluCommon*)cmI)->Status}");
            var (lnz, unz) = SparseKluNative.Counts(h[1]);
            qKlu = SparseKluNative.SymbolicQ(h[0], n);
            SparseKluNative.Flops(h[0], h[1], (SparseKluNative.KluCommon*)cmI);
            flops = ((SparseKluNative.KluCommon*)cmI)->Flops;
            nnz = (long)lnz + unz - n;
            tRef = Median(reps, () => SparseKluNative.Refactor((int*)apI, (int*)aiI, (double*)axRI, h[0], h[1], (SparseKluNative.KluCommon*)cmI));
            mins[6] = LastMin;
            SparseKluNative.Rgrowth((int*)apI, (int*)aiI, (double*)axRI, h[0], h[1], (SparseKluNative.KluCommon*)cmI);
            rgrowth = ((SparseKluNative.KluCommon*)cmI)->Rgrowth;
            var x = new double[n];
            var xh = GCHandle.Alloc(x, GCHandleType.Pinned);
            nint pxI = xh.AddrOfPinnedObject();
            tSol = Median(reps, () =>
            {
                bR.CopyTo(x, 0);
                SparseKluNative.Solve(h[0], h[1], n, 1, (double*)pxI, (SparseKluNative.KluCommon*)cmI);
            });
            mins[7] = LastMin;
            xh.Free();
            (res, nsr) = Accuracy(aR, bR, x);
            fwd = xR == null ? double.NaN : Fwd(x, xR);
        }
        finally
        {
            var cm = (SparseKluNative.KluCommon*)cmI;
            var nm = h[1];
            var sy = h[0];
            if (nm != 0) SparseKluNative.FreeNumeric(&nm, cm);
            if (sy != 0) SparseKluNative.FreeSymbolic(&sy, cm);
            foreach (var p in pins) p.Free();
            NativeMemory.Free(cm);
        }
    }

    private static void KluSequence(Case c, int reps, out double tFull, out double tRef, out double worstRef)
    {
        int n = c.A[0].Rows;
        var cmI = (nint)NewCommon();
        var x = new double[n];
        var handles = c.A.Select(a => GCHandle.Alloc(a.Values, GCHandleType.Pinned)).ToList();
        var pins = new[] { GCHandle.Alloc(c.A[0].ColPtr, GCHandleType.Pinned), GCHandle.Alloc(c.A[0].RowIdx, GCHandleType.Pinned), GCHandle.Alloc(x, GCHandleType.Pinned) };
        nint apI = pins[0].AddrOfPinnedObject(), aiI = pins[1].AddrOfPinnedObject(), pxI = pins[2].AddrOfPinnedObject();
        double worst = 0;
        bool measure = true; // residuals only in the warm-up pass, outside the timed runs
        try
        {
            tFull = Median(reps, () =>
            {
                var cm = (SparseKluNative.KluCommon*)cmI;
                var sym = SparseKluNative.Analyze(n, (int*)apI, (int*)aiI, cm);
                for (int k = 0; k < c.A.Count; k++)
                {
                    var num = SparseKluNative.Factor((int*)apI, (int*)aiI, (double*)handles[k].AddrOfPinnedObject(), sym, cm);
                    c.B[k].CopyTo(x, 0);
                    SparseKluNative.Solve(sym, num, n, 1, (double*)pxI, cm);
                    SparseKluNative.FreeNumeric(&num, cm);
                }
                SparseKluNative.FreeSymbolic(&sym, cm);
            });
            tRef = Median(reps, () =>
            {
                var cm = (SparseKluNative.KluCommon*)cmI;
                var sym = SparseKluNative.Analyze(n, (int*)apI, (int*)aiI, cm);
                var num = SparseKluNative.Factor((int*)apI, (int*)aiI, (double*)handles[0].AddrOfPinnedObject(), sym, cm);
                for (int k = 0; k < c.A.Count; k++)
                {
                    if (k > 0) SparseKluNative.Refactor((int*)apI, (int*)aiI, (double*)handles[k].AddrOfPinnedObject(), sym, num, cm);
                    c.B[k].CopyTo(x, 0);
                    SparseKluNative.Solve(sym, num, n, 1, (double*)pxI, cm);
                    if (measure) worst = Math.Max(worst, Accuracy(c.A[k], c.B[k], x).Res);
                }
                measure = false;
                SparseKluNative.FreeNumeric(&num, cm);
                SparseKluNative.FreeSymbolic(&sym, cm);
            });
        }
        finally
        {
            foreach (var hd in handles) hd.Free();
            foreach (var p in pins) p.Free();
            NativeMemory.Free((void*)cmI);
        }
        worstRef = worst;
    }

    private static (double Res, double Nsr) Accuracy(CscMatrix a, double[] b, double[] x)
    {
        var r = new double[b.Length];
        a.Residual(b, x, r);
        double rn = Math.Sqrt(r.Sum(v => v * v)), bn = Math.Sqrt(b.Sum(v => v * v));
        double nsr = r.Max(Math.Abs) / (a.NormInf() * x.Max(Math.Abs));
        return (rn / bn, nsr);
    }

    private static double Fwd(double[] x, double[] xr)
    {
        double d = 0, m = 0;
        for (int i = 0; i < x.Length; i++) { d = Math.Max(d, Math.Abs(x[i] - xr[i])); m = Math.Max(m, Math.Abs(xr[i])); }
        return d / m;
    }

    /// <summary>Median seconds over <paramref name="reps"/> timed runs after a warm-up.</summary>
    private static double Median(int reps, Action a)
    {
        // settle the GC first: a background collection left over from an allocating phase would share the two cores
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        // warm-up until tiered compilation has promoted the hot methods (it waits ~100 ms without new tier-0 code
        // before counting calls): at least 3 calls and 0.3 s, then up to 40 calls or 2 s, so both sides run steady-state code
        long w0 = Stopwatch.GetTimestamp();
        for (int calls = 0; ; calls++)
        {
            double el = Stopwatch.GetElapsedTime(w0).TotalSeconds;
            if (calls >= 3 && el >= 0.3 && (calls >= 40 || el >= 2)) break;
            a();
        }
        var t = new double[reps];
        GC.Collect();
        for (int i = 0; i < reps; i++)
        {
            long s = Stopwatch.GetTimestamp();
            a();
            t[i] = Stopwatch.GetElapsedTime(s).TotalSeconds;
        }
        Array.Sort(t);
        LastMin = t[0];
        return t[reps / 2];
    }

    private static string Row(string name, double ours, double klu, double oursMin, double kluMin) =>
        string.Create(Ci, $"| {name} | {ours * 1e3:F3} ({oursMin * 1e3:F3}) | {klu * 1e3:F3} ({kluMin * 1e3:F3}) | {ours / klu:F2} ({oursMin / kluMin:F2}) |");

    /// <summary>The 1-, 5- and 15-minute load averages from /proc/loadavg, or "unknown".</summary>
    private static string LoadAverage()
    {
        try { return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)); }
        catch (IOException) { return "unknown"; }
        catch (UnauthorizedAccessException) { return "unknown"; }
    }

    private static string CpuModel()
    {
        try
        {
            foreach (var l in File.ReadLines("/proc/cpuinfo"))
                if (l.StartsWith("model name", StringComparison.Ordinal)) return l[(l.IndexOf(':') + 1)..].Trim();
        }
        catch (IOException) { }
        return "unknown CPU";
    }
}
