namespace HpcKit.Diffraction.Crystal;

/// <summary>
/// A crystal structure: cell, symmetry operators, the asymmetric-unit sites as given, and every atom in the cell
/// (each site's orbit under the operators, wrapped to [0, 1), duplicates closer than 1e-4 dropped).
/// </summary>
public sealed class CrystalStructure
{
    private const double DuplicateTolerance = 1e-4;

    public CrystalStructure(string name, UnitCell cell, IReadOnlyList<SymmetryOperator> operators, IReadOnlyList<AtomSite> sites)
    {
        Name = name;
        Cell = cell;
        Operators = operators.Count == 0 ? [SymmetryOperator.Identity] : operators;
        Sites = sites;
        var atoms = new List<AtomSite>();
        var orbitSizes = new int[sites.Count];
        for (int s = 0; s < sites.Count; s++)
        {
            var site = sites[s];
            int start = atoms.Count;
            foreach (var op in Operators)
            {
                var (x, y, z) = op.Apply(site.X, site.Y, site.Z);
                x = Wrap(x); y = Wrap(y); z = Wrap(z);
                bool dup = false;
                for (int i = start; i < atoms.Count && !dup; i++)
                    dup = Periodic(atoms[i].X - x) < DuplicateTolerance && Periodic(atoms[i].Y - y) < DuplicateTolerance && Periodic(atoms[i].Z - z) < DuplicateTolerance;
                if (!dup) atoms.Add(site with { X = x, Y = y, Z = z });
            }
            orbitSizes[s] = atoms.Count - start;
        }
        Atoms = atoms;
        OrbitSizes = orbitSizes;
    }

    public string Name { get; }
    public UnitCell Cell { get; }
    public IReadOnlyList<SymmetryOperator> Operators { get; }

    /// <summary>Sites as listed (asymmetric unit).</summary>
    public IReadOnlyList<AtomSite> Sites { get; }

    /// <summary>All atoms in the cell, orbit by orbit in site order.</summary>
    public IReadOnlyList<AtomSite> Atoms { get; }

    /// <summary>Orbit size of each site.</summary>
    public IReadOnlyList<int> OrbitSizes { get; }

    /// <summary>Warnings collected while reading (ignored U_ij, multiplicity mismatches).</summary>
    public List<string> Warnings { get; } = [];

    /// <summary>Same atoms and operators in another cell (fractional coordinates fixed).</summary>
    public CrystalStructure WithCell(UnitCell cell) => new(Name, cell, Operators, Sites);

    /// <summary>Σ occupancy per element over the cell (e.g. Ba 10.667 for the cubic prototype).</summary>
    public Dictionary<string, double> Composition()
    {
        var d = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var a in Atoms) d[a.Element] = d.GetValueOrDefault(a.Element) + a.Occupancy;
        return d;
    }

    private static double Wrap(double v)
    {
        v -= Math.Floor(v);
        return v >= 1 - 1e-12 ? 0 : v;
    }

    private static double Periodic(double d) => Math.Abs(d - Math.Round(d));
}
