namespace HpcKit.Diffraction.Crystal;

/// <summary>
/// The three built-in prototype structures of the spec (COD 1001460 Fm-3m, 1522004 R-3c rhombohedral axes,
/// 1531431 P4mm), read from embedded CIFs with explicit operator loops.
/// </summary>
public static class Prototypes
{
    private static readonly Lazy<CrystalStructure>[] Cache =
    [
        new(() => Load("trigonal.cif")),
        new(() => Load("tetragonal.cif")),
        new(() => Load("cubic.cif")),
    ];

    /// <summary>The prototype at its CIF cell.</summary>
    public static CrystalStructure Structure(PrototypeClass cls) => Cache[(int)cls].Value;

    /// <summary>The embedded CIF text of a prototype.</summary>
    public static string CifText(PrototypeClass cls) => ReadAsset(FileName(cls));

    /// <summary>The cell of a class at parameters p.</summary>
    public static UnitCell Cell(PrototypeClass cls, CellParameters p) => cls switch
    {
        PrototypeClass.Cubic => UnitCell.Cubic(p.A),
        PrototypeClass.Tetragonal => UnitCell.Tetragonal(p.A, p.C),
        _ => UnitCell.Rhombohedral(p.A, p.AlphaDeg),
    };

    /// <summary>The prototype structure at parameters p.</summary>
    public static CrystalStructure At(PrototypeClass cls, CellParameters p) => Structure(cls).WithCell(Cell(cls, p));

    /// <summary>Parses "cubic", "trigonal", "tetragonal" (or the labels 2, 0, 1).</summary>
    public static bool TryParse(string name, out PrototypeClass cls)
    {
        switch (name.Trim().ToLowerInvariant())
        {
            case "cubic" or "2": cls = PrototypeClass.Cubic; return true;
            case "trigonal" or "rhombohedral" or "0": cls = PrototypeClass.Trigonal; return true;
            case "tetragonal" or "1": cls = PrototypeClass.Tetragonal; return true;
            default: cls = default; return false;
        }
    }

    internal static string FileName(PrototypeClass cls) => cls.ToString().ToLowerInvariant() + ".cif";

    /// <summary>Text of an embedded asset (cubic.cif, trigonal.cif, tetragonal.cif, nomad_bank4.instprm).</summary>
    public static string Asset(string file) => ReadAsset(file);

    internal static string ReadAsset(string file)
    {
        using var s = typeof(Prototypes).Assembly.GetManifestResourceStream("HpcKit.Diffraction.Assets." + file)
            ?? throw new InvalidOperationException($"embedded asset {file} missing");
        using var r = new StreamReader(s);
        return r.ReadToEnd();
    }

    private static CrystalStructure Load(string file) => CifReader.Parse(ReadAsset(file), file);
}
