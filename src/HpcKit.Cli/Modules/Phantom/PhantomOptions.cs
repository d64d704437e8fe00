using System.CommandLine;
using System.Globalization;
using HpcKit.Core;
using HpcKit.Core.Comm;
using HpcKit.Phantom;
using HpcKit.Phantom.Model;
using HpcKit.Phantom.Training;

namespace HpcKit.Cli.Modules.Phantom;

/// <summary>The options shared by the phantom verbs and how they become a <see cref="TrainOptions"/>.</summary>
internal sealed class PhantomOptions
{
    public Option<int> Width { get; } = new("--width") { Description = "Hidden width n", DefaultValueFactory = _ => 256 };
    public Option<int> Ranks { get; } = new("--ranks") { Description = "Ranks p (threads; the MPI world size under mpirun)", DefaultValueFactory = _ => 2 };
    public Option<int> Ghosts { get; } = new("--ghosts") { Description = "Ghost neurons k per rank per hidden layer (PP)", DefaultValueFactory = _ => 16 };
    public Option<int> Layers { get; } = new("--layers") { Description = "Hidden n→n layers L", DefaultValueFactory = _ => 2 };
    public Option<int> Batch { get; } = new("--batch") { Description = "Batch rows B per step", DefaultValueFactory = _ => 64 };
    public Option<int> Steps { get; } = new("--steps") { Description = "Step budget S_max", DefaultValueFactory = _ => 300 };
    public Option<string> Task { get; } = new("--task") { Description = "teacher (regression) or classify", DefaultValueFactory = _ => "teacher" };
    public Option<string> Activation { get; } = new("--activation") { Description = "relu, tanh or gelu", DefaultValueFactory = _ => "relu" };
    public Option<double> LearningRate { get; } = new("--lr") { Description = "Adam learning rate after warm-up", DefaultValueFactory = _ => 1e-3 };
    public Option<int> Warmup { get; } = new("--warmup") { Description = "Linear warm-up steps", DefaultValueFactory = _ => 100 };
    public Option<int> EvalEvery { get; } = new("--eval-every") { Description = "Validation interval (steps)", DefaultValueFactory = _ => 25 };
    public Option<int> Validation { get; } = new("--validation") { Description = "Validation samples", DefaultValueFactory = _ => 4096 };
    public Option<string> Energy { get; } = new("--energy") { Description = "Energy meter: auto, rapl, nvml or model", DefaultValueFactory = _ => "auto" };
    public Option<bool> EmulateNoReduceScatter { get; } = new("--emulate-no-reduce-scatter") { Description = "Backward all-reduce + slice instead of reduce-scatter" };
    public Option<ulong> Seed { get; } = CommandKit.Seed();
    public Option<int> Threads { get; } = new("--threads") { Description = "BLAS threads per rank", DefaultValueFactory = _ => 1 };
    public Option<string?> Report { get; } = CommandKit.Report();
    public Option<string?> Out { get; } = CommandKit.Out("Output directory for plots and tables");
    public Option<bool> Quiet { get; } = CommandKit.Quiet();

    /// <summary>Adds the given options to <paramref name="cmd"/>.</summary>
    public static void AddAll(Command cmd, params Option[] options)
    {
        foreach (var o in options) cmd.Add(o);
    }

    /// <summary>The common training options of a parse result (mode set by the caller).</summary>
    public TrainOptions Build(ParseResult p, ParallelMode mode)
    {
        CommandKit.ApplyThreads(V(p, Threads, 1));
        int ranks = V(p, Ranks, 2);
        if (MpiCommunicator.IsLaunchedByMpirun) ranks = MpiCommunicator.World.Size;
        var task = V(p, Task, "teacher").ToLowerInvariant() switch
        {
            "teacher" or "regression" or "teacher-regression" => TaskKind.Regression,
            "classify" or "classification" or "teacher-classification" => TaskKind.Classification,
            var t => throw new HpcKitUsageException($"--task '{t}' is not teacher or classify"),
        };
        double lr = V(p, LearningRate, 1e-3);
        if (!(lr > 0)) throw new HpcKitUsageException($"--lr must be positive (got {lr.ToString(CultureInfo.InvariantCulture)})");
        int validation = V(p, Validation, 4096);
        if (validation < 1) throw new HpcKitUsageException("--validation must be at least 1");
        int warmup = V(p, Warmup, 100);
        if (warmup < 0) throw new HpcKitUsageException("--warmup must be non-negative");
        var o = new TrainOptions
        {
            Network = new NetworkConfig
            {
                Mode = mode, Width = V(p, Width, 256), Ranks = ranks, Ghosts = V(p, Ghosts, 16), Layers = V(p, Layers, 2), Batch = V(p, Batch, 64),
                Activation = ActivationFunctions.Parse(V(p, Activation, "relu")), Seed = V(p, Seed, 1UL), EmulateNoReduceScatter = V(p, EmulateNoReduceScatter, false),
            },
            Task = task, Steps = V(p, Steps, 300), LearningRate = lr, WarmupSteps = warmup, EvalEvery = V(p, EvalEvery, 25),
            ValidationSize = validation, DataSeed = V(p, Seed, 1UL), Energy = V(p, Energy, "auto"),
        };
        if (o.Steps < 1) throw new HpcKitUsageException($"--steps must be at least 1 (got {o.Steps})");
        if (o.EvalEvery < 1) throw new HpcKitUsageException($"--eval-every must be at least 1 (got {o.EvalEvery})");
        o.ShapedNetwork().Validate();
        return o;
    }

    /// <summary>The option's value when the verb has it, else <paramref name="fallback"/> (the shared default).</summary>
    private static T V<T>(ParseResult p, Option<T> option, T fallback) => p.CommandResult.Command.Options.Contains(option) ? p.GetValue(option) ?? fallback : fallback;

    /// <summary>Output directory (created).</summary>
    public string OutDir(ParseResult p, string verb)
    {
        string dir = p.GetValue(Out) ?? Path.Combine("out", "phantom", verb);
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>Formats with invariant culture.</summary>
    public static string F(double v, string format = "G4") => v.ToString(format, CultureInfo.InvariantCulture);
}
