using System.CommandLine;
using System.Globalization;
using HpcKit.Cli.Modules.Graphs;
using HpcKit.Core.Reporting;
using HpcKit.Graphs.Analysis;
using HpcKit.Graphs.Generation;
using HpcKit.Graphs.Model;

namespace HpcKit.Cli.Modules;

/// <summary>`hpckit chunglu`: Chung–Lu random graphs with load-balanced partitions (arXiv:1406.1215).</summary>
internal sealed class GraphsModule : ICliModule
{
    public int Order => 10;

    public string Name => "chunglu";

    public Command Create()
    {
        var g = CommandKit.Group("chunglu", "Chung–Lu random graphs with a given expected degree sequence; identical output on any rank count (arXiv:1406.1215).",
            GenerateVerb.Example, BalanceVerb.Example, StatsVerb.Example, BenchVerb.Example);
        g.Add(GenerateVerb.Create());
        g.Add(BalanceVerb.Create());
        g.Add(StatsVerb.Create());
        g.Add(BenchVerb.Create());
        return g;
    }

    public void Quickstart(string dir, RunReport report, bool quiet)
    {
        ArgumentNullException.ThrowIfNull(report);
        var inv = CultureInfo.InvariantCulture;
        var model = new ChungLuModel(PowerLawWeights.Create(200_000, 2.5, 10), new ChungLuOptions { Seed = 1 });
        string edges = Path.Combine(dir, "graph.bin");
        var result = Core.Comm.Ranks.Run(2, c => ChungLuRun.Execute(c, model, new GenerateRequest { Format = EdgeFormat.Bin, Out = edges }), Core.Comm.RankTransport.Threads)[0];
        var ex = model.Expectations();
        var deg = StatsVerb.Degrees(edges, model.N);
        var st = new DegreeStatistics(model, deg, result.Edges);
        StatsVerb.Plot(st, "Chung–Lu n = 200000, β = 2.5, d = 10: degree CCDF").Save(Path.Combine(dir, "degree-ccdf.svg"));
        var bal = LoadBalanceAnalysis.Run(model, 256, BalanceMode.Predicted);
        BalanceVerb.Plot(bal, model.N).Save(Path.Combine(dir, "balance.svg"));
        report.Result("chunglu_edges", result.Edges).Result("chunglu_edge_z", ex.EdgeZ(result.Edges))
            .Result("chunglu_fingerprint", result.Fingerprint.ToString("x16", inv));
        if (!quiet)
        {
            Console.WriteLine(string.Create(inv, $"chunglu: n = {model.N}, m = {result.Edges} (E[m] = {ex.EdgeMean:F0}, z = {ex.EdgeZ(result.Edges):F2}), fingerprint {result.Fingerprint:x16}"));
            Console.WriteLine(string.Create(inv, $"chunglu: degree agreement z = {st.DegreeChiZ:F2}; P = 256 max/avg cost: UNP {LoadBalanceAnalysis.MaxOverAverage(bal.Cost[0]):F2}, RRP {LoadBalanceAnalysis.MaxOverAverage(bal.Cost[1]):F3}, UCP {LoadBalanceAnalysis.MaxOverAverage(bal.Cost[2]):F3}"));
            Console.WriteLine($"chunglu: wrote {Path.Combine(dir, "degree-ccdf.svg")} and balance.svg");
        }
    }
}
