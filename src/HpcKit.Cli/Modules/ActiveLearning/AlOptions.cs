using System.CommandLine;
using HpcKit.Core;
using HpcKit.Diffraction.ActiveLearning;

namespace HpcKit.Cli.Modules.ActiveLearning;

/// <summary>Options shared by the `al` verbs: preset, overrides, simulator, model size and the common ones.</summary>
internal sealed class AlOptions
{
    public Option<string> Preset { get; } = new("--preset") { Description = "Sizes: tiny (CI smoke), workflow (workflow timing here), quick (AL comparison here), small (spec default), paper", DefaultValueFactory = _ => "tiny" };
    public Option<int?> Rounds { get; } = new("--rounds") { Description = "AL rounds (default: the preset's)" };
    public Option<int?> Epochs { get; } = new("--epochs") { Description = "Epochs of phase 0 (later phases scale as in the preset)" };
    public Option<int?> Batch { get; } = new("--batch") { Description = "Mini-batch size (default: the preset's)" };
    public Option<int?> Base { get; } = new("--base") { Description = "Base (and validation) patterns per class; the AL batch scales to keep M = 3N (default: the preset's)" };
    public Option<string> Simulator { get; } = new("--simulator") { Description = "Oracle: fast (cached prototype path), general (per-pattern enumeration, direct profile), general-table, lattice (stand-in, no physics)", DefaultValueFactory = _ => "fast" };
    public Option<string> Model { get; } = new("--model") { Description = "CNN size: compact or paper (default: the preset's)" };
    public Option<ulong> Seed { get; } = CommandKit.Seed();
    public Option<int> Threads { get; } = CommandKit.Threads();
    public Option<string?> Out { get; } = CommandKit.Out("Output directory (default out/al/<verb>)");
    public Option<string?> Report { get; } = CommandKit.Report();
    public Option<bool> Quiet { get; } = CommandKit.Quiet();

    public void AddTo(Command cmd, bool withRounds = true)
    {
        cmd.Add(Preset);
        if (withRounds) cmd.Add(Rounds);
        cmd.Add(Epochs);
        cmd.Add(Batch);
        cmd.Add(Base);
        cmd.Add(Simulator);
        cmd.Add(Model);
        cmd.Add(Seed);
        cmd.Add(Threads);
        cmd.Add(Out);
        cmd.Add(Report);
        cmd.Add(Quiet);
    }

    /// <summary>The preset with --rounds, --epochs and --model applied.</summary>
    public AlPreset PresetOf(ParseResult p)
    {
        var preset = AlPreset.Named(p.GetValue(Preset)!);
        if (p.GetValue(Rounds) is int r) preset = preset with { Rounds = r };
        if (p.GetValue(Epochs) is int e)
        {
            if (e < 1) throw new HpcKitUsageException("--epochs must be at least 1");
            double f = (double)e / preset.Epochs[0];
            preset = preset with { Epochs = preset.Epochs.Select(x => Math.Max(1, (int)Math.Round(x * f))).ToArray() };
        }
        if (p.GetValue(Batch) is int b) preset = preset with { MiniBatch = b };
        if (p.GetValue(Base) is int n)
        {
            if (n < 1) throw new HpcKitUsageException("--base must be at least 1");
            preset = preset with { BasePerClass = n, ValidationPerClass = n, BatchM = preset.BatchM * n / preset.BasePerClass };
        }
        if (p.GetValue(Model) is { } m) preset = preset with { Model = CnnSize.Named(m).Name };
        return preset.Validate();
    }

    public static IPatternSimulator SimulatorOf(string name) => name.ToLowerInvariant() switch
    {
        "fast" => PrototypePatternSimulator.Fast,
        "general" => PrototypePatternSimulator.General(),
        "general-table" => PrototypePatternSimulator.General(global::HpcKit.Diffraction.Simulation.ProfileKind.Table),
        "lattice" => new LatticePeakSimulator(),
        _ => throw new HpcKitUsageException($"unknown --simulator '{name}' (expected fast, general, general-table or lattice)"),
    };

    public IPatternSimulator SimulatorOf(ParseResult p) => SimulatorOf(p.GetValue(Simulator)!);

    /// <summary>Model factory for a preset: the CNN size and mini-batch it names.</summary>
    public static Func<ulong, IStructureModel> ModelFactory(AlPreset preset, int width) =>
        seed => new StructureCnn(width, CnnSize.Named(preset.Model), new CnnTrainingOptions(MiniBatch: preset.MiniBatch), seed);

    public string OutDir(ParseResult p, string verb)
    {
        string dir = p.GetValue(Out) ?? Path.Combine("out", "al", verb);
        Directory.CreateDirectory(dir);
        return dir;
    }
}
