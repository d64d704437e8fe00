using System.CommandLine;
using HpcKit.Cli.Modules.Sparse;
using HpcKit.Core.Reporting;
using HpcKit.Sparse.Generators;
using HpcKit.Sparse.Sequence;
using HpcKit.Sparse.Storage;

namespace HpcKit.Cli.Modules;

/// <summary>`hpckit sparse`: LU once, frozen-pivot refactorization and FGMRES refinement for KKT sequences.</summary>
internal sealed class SparseModule : ICliModule
{
    public int Order => 2;

    public string Name => "sparse";

    public Command Create()
    {
        var g = CommandKit.Group("sparse", "Sparse LU with frozen-pivot refactorization and FGMRES refinement for sequences of KKT systems.",
            SparseSolveVerb.Example, SparseSequenceVerb.Example, SparseKktVerb.Example);
        g.Add(SparseSolveVerb.Create());
        g.Add(SparseSequenceVerb.Create());
        g.Add(SparseKktVerb.Create());
        return g;
    }

    public void Quickstart(string dir, RunReport report, bool quiet)
    {
        var gen = new KktSequenceGenerator(new KktGeneratorOptions { Buses = 200, Seed = 1 });
        var systems = new List<KktSystem>();
        gen.Run(systems.Add);
        var solver = new SequenceSolver(CscMatrix.ExpandLowerSymmetric(systems[0].Lower));
        var x = new double[solver.N];
        var rows = new List<SystemReport>();
        foreach (var s in systems)
        {
            solver.SetMatrix(CscMatrix.ExpandLowerSymmetric(s.Lower));
            rows.Add(solver.Solve(s.Rhs, x));
        }
        string plot = Path.Combine(dir, "sparse_sequence.svg");
        SparsePlots.Sequence(rows, systems.Select(s => s.ConditionEstimate).ToArray(), "200-bus DC-OPF KKT sequence: refactor + FGMRES").Save(plot);
        solver.Report.AddTo(report);
        report.Result("sparse_systems", rows.Count).Result("sparse_n", solver.N)
            .Result("sparse_max_relres", rows.Max(r => r.ResidualAfter)).Result("sparse_plot", plot);
        if (!quiet)
            Console.WriteLine($"sparse: {rows.Count} KKT systems (n = {solver.N}), {solver.Report.Refactorizations} refactorizations, " +
                              $"{solver.Report.Fallbacks} fallbacks, max relative residual {rows.Max(r => r.ResidualAfter):E1}; plot {plot}");
    }
}
