using System.CommandLine;
using HpcKit.Core;
using HpcKit.Graphs.IO;
using HpcKit.Graphs.Model;

namespace HpcKit.Cli.Modules.Graphs;

/// <summary>The weight sources shared by chunglu verbs: --weights, --edge-list, or --n/--beta/--avg-degree.</summary>
internal sealed class ChungLuInputs
{
    public Option<string?> Weights { get; } = new("--weights") { Description = "Weights file: one non-negative number a line (# comments), or raw float64 .f64" };
    public Option<string?> EdgeList { get; } = new("--edge-list") { Description = "Use the degree sequence of this edge list (text or binary) as weights" };
    public Option<long> N { get; } = new("--n") { Description = "Power-law weights: number of nodes" };
    public Option<double> Beta { get; } = new("--beta") { Description = "Power-law exponent β > 2", DefaultValueFactory = _ => 2.5 };
    public Option<double> AvgDegree { get; } = new("--avg-degree") { Description = "Target average degree d", DefaultValueFactory = _ => 10 };
    public Option<double> MaxDegree { get; } = new("--max-degree") { Description = "Largest weight m_max (default √(n·d))" };
    public Option<bool> FormulaMean { get; } = new("--formula-mean") { Description = "Keep the raw power-law formula (no rescaling to the exact mean d)" };
    public Option<bool> Loops { get; } = new("--loops") { Description = "Allow self-loops (p_uu = min(1, w_u²/S); a loop adds 2 to the degree)" };
    public Option<bool> Strict { get; } = new("--strict") { Description = "Make p > 1 (clamping) an error instead of a warning" };

    public void AddTo(Command cmd)
    {
        cmd.Add(Weights);
        cmd.Add(EdgeList);
        cmd.Add(N);
        cmd.Add(Beta);
        cmd.Add(AvgDegree);
        cmd.Add(MaxDegree);
        cmd.Add(FormulaMean);
        cmd.Add(Loops);
        cmd.Add(Strict);
    }

    /// <summary>Loads the weights (input order) and a short description of their source.</summary>
    public (double[] Weights, string Source) Load(ParseResult p)
    {
        string? wf = p.GetValue(Weights), el = p.GetValue(EdgeList);
        bool hasN = p.GetResult(N) != null;
        int sources = (wf != null ? 1 : 0) + (el != null ? 1 : 0) + (hasN ? 1 : 0);
        if (sources != 1) throw new HpcKitUsageException("give exactly one of --weights FILE, --edge-list FILE, or --n N (with --beta, --avg-degree)");
        if (wf != null) return (WeightsFile.Read(wf), wf);
        if (el != null) return (DegreeSequence.FromEdgeList(el), "degrees of " + el);
        long n = p.GetValue(N);
        var w = PowerLawWeights.Create(n, p.GetValue(Beta), p.GetValue(AvgDegree), p.GetValue(MaxDegree), p.GetValue(FormulaMean) ? MeanPolicy.Formula : MeanPolicy.RescaleToTarget);
        return (w, $"power law n={n} beta={p.GetValue(Beta)} d={p.GetValue(AvgDegree)}");
    }

    /// <summary>Builds the model; clamping errors become data errors (exit 3).</summary>
    public ChungLuModel Model(ParseResult p, ulong seed, bool quiet, bool canonical = false)
    {
        var (w, source) = Load(p);
        var options = new ChungLuOptions
        {
            Seed = seed,
            AllowSelfLoops = p.GetValue(Loops),
            Clamp = p.GetValue(Strict) ? ClampPolicy.Error : ClampPolicy.ClampAndWarn,
            Canonical = canonical,
            Diagnostics = quiet ? null : m => Console.Error.WriteLine(m),
        };
        return new ChungLuModel(w, options, source);
    }
}
