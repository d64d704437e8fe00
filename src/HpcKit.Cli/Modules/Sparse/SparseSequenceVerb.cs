using System.CommandLine;
using System.Globalization;
using HpcKit.Core;
using HpcKit.Core.Reporting;
using HpcKit.Sparse.Factorization;
using HpcKit.Sparse.IO;
using HpcKit.Sparse.Sequence;
using HpcKit.Sparse.Solvers;

namespace HpcKit.Cli.Modules.Sparse;

/// <summary>`hpckit sparse sequence 'A_*.mtx' --rhs 'b_*.mtx'`: replays a numbered family through the facade.</summary>
internal static class SparseSequenceVerb
{
    public const string Example = "hpckit sparse sequence 'kkt2000/A_*.mtx' --rhs 'kkt2000/b_*.mtx' --reference 'kkt2000/x_*.mtx' --csv seq.csv --plot seq.svg";

    public static Command Create()
    {
        var mats = new Argument<string>("matrices") { Description = "Glob of Matrix Market matrices with one pattern, e.g. 'A_*.mtx' (sorted by name)" };
        var rhs = new Option<string?>("--rhs") { Description = "Glob of right-hand sides, paired by '% ID:' header or by sorted order (default: b = A*1)" };
        var reference = new Option<string?>("--reference") { Description = "Glob of reference solutions for the forward error" };
        var initialFull = new Option<int>("--initial-full") { Description = "Systems factorized in full at the start", DefaultValueFactory = _ => 2 };
        var every = new Option<int>("--refactor-every") { Description = "Refactorize every j-th system; stale factors in between", DefaultValueFactory = _ => 1 };
        var gs = SparseCliIo.GramSchmidtOption();
        var scale = SparseCliIo.ScaleOption();
        var ordering = SparseCliIo.OrderingOption();
        var boost = new Option<double>("--boost") { Description = "Static pivot boost beta", DefaultValueFactory = _ => 0.1 };
        var rcondDrop = new Option<double>("--rcond-drop") { Description = "Fall back to a full factorization when the cheap rcond drops below this fraction of its value at the last one (0: off)", DefaultValueFactory = _ => 1e-6 };
        var noRefine = new Option<bool>("--no-refine") { Description = "Triangular solve only (no FGMRES)" };
        var csv = new Option<string?>("--csv") { Description = "Write the per-system table as CSV" };
        var plot = new Option<string?>("--plot") { Description = "Write residuals and iterations per system (SVG)" };
        var report = CommandKit.Report();
        var quiet = CommandKit.Quiet();
        var cmd = CommandKit.Verb("sequence", "Solves a sequence on one pattern: factor, refactor with frozen pivots, FGMRES, fallbacks; one table row per system.", Example);
        foreach (var o in new Option[] { rhs, reference, initialFull, every, gs, ordering, scale, boost, rcondDrop, noRefine, csv, plot, report, quiet }) cmd.Add(o);
        cmd.Add(mats);
        cmd.SetAction(p =>
        {
            if (p.GetValue(every) < 1) throw new HpcKitUsageException("--refactor-every must be at least 1");
            if (!(p.GetValue(rcondDrop) >= 0)) throw new HpcKitUsageException("--rcond-drop must be 0 or positive");
            if (!(p.GetValue(boost) > 0)) throw new HpcKitUsageException("--boost must be positive");
            var files = SparseCliIo.Glob(p.GetValue(mats)!, "matrices");
            var rhsFiles = p.GetValue(rhs) is { Length: > 0 } rg ? Pair(files, SparseCliIo.Glob(rg, "--rhs")) : null;
            var refFiles = p.GetValue(reference) is { Length: > 0 } xg ? Pair(files, SparseCliIo.Glob(xg, "--reference")) : null;
            var options = new SequenceOptions
            {
                Ordering = SparseCliIo.Ordering(p.GetValue(ordering)!),
                InitialFull = p.GetValue(initialFull),
                RefactorEvery = p.GetValue(every),
                Refine = !p.GetValue(noRefine),
                RcondDrop = p.GetValue(rcondDrop),
                Lu = new LuOptions { BoostValue = p.GetValue(boost), Scaling = SparseCliIo.Scaling(p.GetValue(scale)!) },
                Fgmres = new FgmresOptions { GramSchmidt = SparseCliIo.GramSchmidt(p.GetValue(gs)!) },
            };
            var first = SparseCliIo.ReadMatrix(files[0]);
            SparseCliIo.CheckStructuralRank(first, files[0]); // one pattern: once for the sequence
            var solver = new SequenceSolver(first, options);
            var x = new double[solver.N];
            var table = new CsvTable("k", "file", "path", "status", "fallback", "boosts", "iterations", "relres_before", "relres_after", "nsr", "forward_error",
                "factor_ms", "refactor_ms", "solve_ms", "refine_ms", "total_ms");
            var rows = new List<SystemReport>();
            var printed = new List<IReadOnlyList<string>>();
            var ci = CultureInfo.InvariantCulture;
            using (var bar = new ProgressBar("systems", files.Length, p.GetValue(quiet)))
            {
                for (int i = 0; i < files.Length; i++)
                {
                    var a = i == 0 ? first : SparseCliIo.ReadMatrix(files[i]);
                    try { solver.SetMatrix(a); }
                    catch (PatternMismatchException) { throw new HpcKitDataException(files[i], 0, "sparsity pattern differs from the first matrix of the sequence"); }
                    double[] b;
                    if (rhsFiles != null) b = SparseCliIo.ReadVector(rhsFiles[i], solver.N);
                    else { b = new double[solver.N]; var ones = new double[solver.N]; Array.Fill(ones, 1.0); a.Multiply(ones, b); }
                    var rep = solver.Solve(b, x);
                    rows.Add(rep);
                    double fwd = double.NaN;
                    if (refFiles != null) fwd = ForwardError(x, SparseCliIo.ReadVector(refFiles[i], solver.N));
                    else if (rhsFiles == null) fwd = x.Max(v => Math.Abs(v - 1));
                    string name = Path.GetFileName(files[i]);
                    table.Add(rep.Index, name, rep.Path, rep.Status, rep.Fallback, rep.Boosts, rep.Iterations, rep.ResidualBefore, rep.ResidualAfter, rep.Nsr, fwd,
                        rep.FactorSeconds * 1e3, rep.RefactorSeconds * 1e3, rep.SolveSeconds * 1e3, rep.RefineSeconds * 1e3, rep.TotalSeconds * 1e3);
                    printed.Add([rep.Index.ToString(ci), name, rep.Path.ToString(), rep.Status.ToString(), rep.Fallback == FallbackReason.None ? "-" : rep.Fallback.ToString(),
                        rep.Boosts.ToString(ci), rep.Iterations.ToString(ci), rep.ResidualBefore.ToString("E1", ci), rep.ResidualAfter.ToString("E1", ci), rep.Nsr.ToString("E1", ci),
                        double.IsNaN(fwd) ? "-" : fwd.ToString("E1", ci), ((rep.FactorSeconds + rep.RefactorSeconds) * 1e3).ToString("F2", ci),
                        (rep.SolveSeconds * 1e3).ToString("F3", ci), (rep.RefineSeconds * 1e3).ToString("F2", ci)]);
                    bar.Advance();
                }
            }
            CommandKit.PrintTable(["k", "file", "path", "status", "fallback", "boosts", "its", "res0", "res", "NSR", "fwd", "(re)fact ms", "solve ms", "refine ms"], printed);
            var t = solver.Report;
            Console.WriteLine(string.Create(ci, $"systems {t.Systems}: full {t.FullInitial}, refactor {t.Refactorizations}, stale {t.StaleSolves}, fallbacks {t.Fallbacks}; " +
                $"boosts {t.BoostsTotal}; FGMRES iterations {t.FgmresIterations} (max {t.FgmresIterationsMax}); total {t.TotalSeconds:F3} s " +
                $"(analysis {t.AnalysisSeconds:F3}, factor {t.FactorSeconds:F3}, refactor {t.RefactorSeconds:F3}, solve {t.SolveSeconds:F3}, refine {t.RefineSeconds:F3}, fallback {t.FallbackSeconds:F3})"));
            if (p.GetValue(csv) is { Length: > 0 } csvPath) table.Save(csvPath);
            if (p.GetValue(plot) is { Length: > 0 } plotPath) SparsePlots.Sequence(rows, null, "Sequence: residuals and FGMRES iterations per system").Save(plotPath);
            var r = new RunReport("sparse sequence").Parameter("matrices", p.GetValue(mats)).Parameter("initial_full", options.InitialFull).Parameter("refactor_every", options.RefactorEvery);
            t.AddTo(r);
            r.Result("max_relative_residual", rows.Max(z => z.ResidualAfter));
            CommandKit.SaveReport(r, p.GetValue(report), p.GetValue(quiet));
            return rows.All(z => z.Status == SystemStatus.Converged) ? 0 : 1;
        });
        return cmd;
    }

    private static double ForwardError(double[] x, double[] reference)
    {
        double d = 0, m = 0;
        for (int i = 0; i < x.Length; i++) { d = Math.Max(d, Math.Abs(x[i] - reference[i])); m = Math.Max(m, Math.Abs(reference[i])); }
        return m > 0 ? d / m : d;
    }

    /// <summary>Pairs vectors with matrices by the `% ID:` header when every file has one, else by sorted order.</summary>
    private static string[] Pair(string[] matrices, string[] vectors)
    {
        var ids = vectors.Select(v => (Path: v, Id: MatrixMarketReader.Read(v).Id)).ToList();
        var mids = matrices.Select(m => MatrixMarketReader.Read(m).Id).ToList();
        if (ids.All(i => i.Id.HasValue) && mids.All(i => i.HasValue))
        {
            var map = ids.GroupBy(i => i.Id!.Value).ToDictionary(g => g.Key, g => g.First().Path);
            return mids.Select((id, k) => map.TryGetValue(id!.Value, out var path) ? path
                : throw new HpcKitDataException(matrices[k], 0, $"no right-hand side with ID {id}")).ToArray();
        }
        if (vectors.Length < matrices.Length) throw new HpcKitUsageException($"{matrices.Length} matrices but only {vectors.Length} vectors");
        return vectors[..matrices.Length];
    }
}
