using System.CommandLine;
using System.Globalization;
using HpcKit.Core;
using HpcKit.Core.Reporting;
using HpcKit.Sparse.Factorization;
using HpcKit.Sparse.IO;
using HpcKit.Sparse.Sequence;
using HpcKit.Sparse.Solvers;

namespace HpcKit.Cli.Modules.Sparse;

/// <summary>`hpckit sparse solve A.mtx b.mtx --out x.mtx`: analyse, factor, solve and refine one system.</summary>
internal static class SparseSolveVerb
{
    public const string Example = "hpckit sparse solve A.mtx b.mtx --out x.mtx --plot history.svg";

    public static Command Create()
    {
        var a = new Argument<string>("A.mtx") { Description = "Matrix (Matrix Market; symmetric files are expanded)" };
        var b = new Argument<string>("b.mtx") { Description = "Right-hand side (array or coordinate vector)" };
        var scale = SparseCliIo.ScaleOption();
        var ordering = SparseCliIo.OrderingOption();
        var gs = SparseCliIo.GramSchmidtOption();
        var restart = new Option<int>("--restart") { Description = "FGMRES restart length m", DefaultValueFactory = _ => 20 };
        var tol = new Option<double>("--tol") { Description = "FGMRES tolerance relative to ||b||", DefaultValueFactory = _ => 1e-14 };
        var pivotTol = new Option<double>("--pivot-tol") { Description = "Threshold partial pivoting tolerance", DefaultValueFactory = _ => 0.1 };
        var plot = new Option<string?>("--plot") { Description = "Write the FGMRES convergence history (SVG)" };
        var outOpt = CommandKit.Out("Solution x as a Matrix Market array");
        var report = CommandKit.Report();
        var quiet = CommandKit.Quiet();
        var cmd = CommandKit.Verb("solve", "Solves A x = b: COLAMD/AMD ordering, LU with threshold pivoting, FGMRES refinement.", Example);
        foreach (var o in new Option[] { ordering, scale, gs, restart, tol, pivotTol, plot, outOpt, report, quiet }) cmd.Add(o);
        cmd.Add(a);
        cmd.Add(b);
        cmd.SetAction(p =>
        {
            if (p.GetValue(restart) < 1) throw new HpcKitUsageException("--restart must be at least 1");
            if (!(p.GetValue(tol) >= 0)) throw new HpcKitUsageException("--tol must be non-negative");
            var r = new RunReport("sparse solve");
            string pathA = p.GetValue(a)!, pathB = p.GetValue(b)!;
            var mat = SparseCliIo.ReadMatrix(pathA);
            var rhs = SparseCliIo.ReadVector(pathB, mat.Rows);
            var options = new SequenceOptions
            {
                Ordering = SparseCliIo.Ordering(p.GetValue(ordering)!),
                Lu = new LuOptions { PivotTolerance = p.GetValue(pivotTol), Scaling = SparseCliIo.Scaling(p.GetValue(scale)!) },
                Fgmres = new FgmresOptions { Restart = p.GetValue(restart), Tolerance = p.GetValue(tol), GramSchmidt = SparseCliIo.GramSchmidt(p.GetValue(gs)!) },
            };
            int rank = SparseCliIo.CheckStructuralRank(mat, pathA);
            var solver = new SequenceSolver(mat, options);
            var x = new double[mat.Rows];
            var rep = solver.Solve(rhs, x);
            if (rep.Status == SystemStatus.Singular)
            {
                throw new HpcKitDataException(pathA, 0, rank < mat.Rows
                    ? $"matrix is structurally singular: structural rank {rank} of {mat.Rows} (a maximum transversal leaves {mat.Rows - rank} columns unmatched)"
                    : "matrix is numerically singular: no acceptable pivot (structurally nonsingular)");
            }
            var f = solver.Factors!;
            var ci = CultureInfo.InvariantCulture;
            Console.WriteLine(string.Create(ci, $"n = {mat.Rows}, nnz(A) = {mat.Nnz}, nnz(L+U) = {f.NnzLU} (fill {(double)f.NnzLU / mat.Nnz:F2}), off-diagonal pivots {f.OffDiagonalPivots}, flops {f.Flops:E3}"));
            Console.WriteLine(string.Create(ci, $"analysis {solver.Report.AnalysisSeconds * 1e3:F2} ms, factor {rep.FactorSeconds * 1e3:F2} ms, solve {rep.SolveSeconds * 1e3:F3} ms, refine {rep.RefineSeconds * 1e3:F2} ms"));
            Console.WriteLine(string.Create(ci, $"pivot growth {rep.PivotGrowth:E2}, cheap rcond {rep.CheapRcond:E2}"));
            Console.WriteLine(string.Create(ci, $"FGMRES: {rep.Refinement} after {rep.Iterations} iterations; relative residual {rep.ResidualBefore:E2} -> {rep.ResidualAfter:E2}, NSR {rep.Nsr:E2}, backward error {rep.BackwardError:E2}, status {rep.Status}"));
            r.Parameter("matrix", pathA).Parameter("rhs", pathB).Parameter("ordering", options.Ordering.ToString()).Parameter("gram_schmidt", options.Fgmres.GramSchmidt.ToString());
            r.Result("n", mat.Rows).Result("structural_rank", rank).Result("nnz", mat.Nnz).Result("nnz_lu", f.NnzLU).Result("iterations", rep.Iterations)
                .Result("relative_residual", rep.ResidualAfter).Result("nsr", rep.Nsr).Result("status", rep.Status.ToString());
            solver.Report.AddTo(r);
            if (p.GetValue(outOpt) is { Length: > 0 } outPath)
            {
                MatrixMarketWriter.WriteVector(outPath, x, ["solution of " + Path.GetFileName(pathA)]);
                if (!p.GetValue(quiet)) Console.Error.WriteLine($"x: {outPath}");
            }
            if (p.GetValue(plot) is { Length: > 0 } plotPath)
            {
                var k = solver.Krylov;
                SparsePlots.History(k, options.Fgmres.Tolerance, $"FGMRES convergence, {Path.GetFileName(pathA)}").Save(plotPath);
                if (!p.GetValue(quiet)) Console.Error.WriteLine($"plot: {plotPath}");
            }
            CommandKit.SaveReport(r, p.GetValue(report), p.GetValue(quiet));
            return rep.Status == SystemStatus.Converged ? 0 : 1;
        });
        return cmd;
    }
}
