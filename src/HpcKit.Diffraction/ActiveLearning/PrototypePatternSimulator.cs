using HpcKit.Diffraction.Crystal;
using HpcKit.Diffraction.Instruments;
using HpcKit.Diffraction.Simulation;

namespace HpcKit.Diffraction.ActiveLearning;

/// <summary>
/// The AL oracle on the module's simulator (NOMAD bank 4, default 2806-bin TOF grid). Fast: the cached
/// prototype path (<see cref="PrototypeSimulator"/>). General: the per-pattern path (<see cref="TofSimulator"/>
/// on the prototype structure with the swept cell: reflection enumeration every time), with the direct or
/// tabulated profile — the costly oracle that brings ρ = T_sim/T_train into the range where overlap can pay.
/// </summary>
public sealed class PrototypePatternSimulator : IPatternSimulator
{
    private readonly bool _general;
    private readonly ProfileKind _profile;

    private PrototypePatternSimulator(bool general, ProfileKind profile)
    {
        _general = general;
        _profile = profile;
        Width = TofGrid.Default.Count;
    }

    /// <summary>The cached fast path.</summary>
    public static PrototypePatternSimulator Fast { get; } = new(false, ProfileKind.Table);

    /// <summary>The general path with the given profile (Direct is the spec's costly setting).</summary>
    public static PrototypePatternSimulator General(ProfileKind profile = ProfileKind.Direct) => new(true, profile);

    /// <summary>"fast", "general" (direct profile) or "general-table".</summary>
    public string Name => _general ? (_profile == ProfileKind.Direct ? "general" : "general-table") : "fast";

    public int Width { get; }

    public void Simulate(in CellPoint point, Span<float> destination)
    {
        var cls = (PrototypeClass)(int)point.Class;
        var p = new CellParameters(point.A, point.C, point.Alpha);
        if (_general) new TofSimulator(Prototypes.At(cls, p), TofInstrument.NomadBank4, TofGrid.Default, _profile).Simulate(destination);
        else PrototypeSimulator.Get(cls).Simulate(p, destination);
    }
}
