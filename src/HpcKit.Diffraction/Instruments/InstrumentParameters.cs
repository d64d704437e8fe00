namespace HpcKit.Diffraction.Instruments;

/// <summary>One bank of a GSAS-II <c>.instprm</c> file: its keys and the instrument they describe.</summary>
public sealed class InstrumentParameters
{
    public required int Bank { get; init; }
    public required string Type { get; init; }
    /// <summary>Every key:value in file order (unknown keys kept).</summary>
    public required IReadOnlyList<KeyValuePair<string, string>> Entries { get; init; }
    /// <summary>The TOF instrument when Type is PNT, else null.</summary>
    public TofInstrument? Tof { get; init; }
    /// <summary>The CW instrument when Type is PNC, else null.</summary>
    public CwInstrument? Cw { get; init; }
    public bool IsTof => Tof != null;
}
