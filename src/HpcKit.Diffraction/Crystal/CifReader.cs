using System.Globalization;
using HpcKit.Core;
using HpcKit.Diffraction.Scattering;

namespace HpcKit.Diffraction.Crystal;

/// <summary>
/// Reads the common subset of CIF 1.1 (first data block): cell, symmetry operators
/// (<c>_symmetry_equiv_pos_as_xyz</c> or <c>_space_group_symop_operation_xyz</c>), and the atom-site loop with
/// occupancies and U_iso/B_iso; expands the asymmetric unit. Errors name file and line.
/// </summary>
public static class CifReader
{
    /// <summary>Reads a CIF file.</summary>
    public static CrystalStructure ReadFile(string path)
    {
        if (!File.Exists(path)) throw new HpcKitDataException($"{path}: file not found");
        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Parses CIF text; <paramref name="source"/> names it in errors.</summary>
    public static CrystalStructure Parse(string text, string source = "cif")
    {
        var tokens = CifTokenizer.Tokenize(text, source);
        var items = new Dictionary<string, CifToken>(StringComparer.OrdinalIgnoreCase);
        var loops = new List<CifLoop>();
        string name = Path.GetFileNameWithoutExtension(source);
        int i = 0;
        bool seenData = false;
        while (i < tokens.Count)
        {
            var t = tokens[i];
            if (t.IsBare && t.Text.StartsWith("data_", StringComparison.OrdinalIgnoreCase))
            {
                if (seenData) break; // first block only
                seenData = true;
                name = t.Text[5..];
                i++;
            }
            else if (t.IsBare && t.Text.Equals("loop_", StringComparison.OrdinalIgnoreCase))
            {
                i++;
                var loop = new CifLoop(t.Line);
                while (i < tokens.Count && tokens[i].IsTag) loop.Tags.Add(tokens[i++].Text);
                if (loop.Tags.Count == 0) throw new HpcKitDataException(source, t.Line, "loop_ without tags");
                while (i < tokens.Count && !tokens[i].IsTag && !IsKeyword(tokens[i])) loop.Values.Add(tokens[i++]);
                if (loop.Values.Count % loop.Tags.Count != 0)
                {
                    long line = loop.Values.Count > 0 ? loop.Values[^1].Line : t.Line;
                    throw new HpcKitDataException(source, line, $"loop starting at line {t.Line} has {loop.Values.Count} values, not a multiple of its {loop.Tags.Count} tags");
                }
                loops.Add(loop);
            }
            else if (t.IsTag)
            {
                if (i + 1 >= tokens.Count || tokens[i + 1].IsTag || IsKeyword(tokens[i + 1]))
                    throw new HpcKitDataException(source, t.Line, $"tag {t.Text} has no value");
                items[t.Text] = tokens[i + 1];
                i += 2;
            }
            else throw new HpcKitDataException(source, t.Line, $"unexpected value '{t.Text}' outside a loop");
        }

        var cell = ReadCell(items, source);
        var ops = ReadOperators(loops, items, source);
        var (sites, multiplicities, siteLines) = ReadSites(loops, source);
        var structure = new CrystalStructure(name, cell, ops, sites);
        for (int s = 0; s < sites.Count; s++)
            if (multiplicities[s] > 0 && multiplicities[s] != structure.OrbitSizes[s])
                structure.Warnings.Add($"{source}:{siteLines[s]}: site {sites[s].Label} orbit has {structure.OrbitSizes[s]} atoms but _atom_site_symmetry_multiplicity says {multiplicities[s]}");
        if (loops.Any(l => l.Tags.Any(x => x.StartsWith("_atom_site_aniso_U_", StringComparison.OrdinalIgnoreCase) || x.StartsWith("_atom_site_aniso_B_", StringComparison.OrdinalIgnoreCase))))
            structure.Warnings.Add($"{source}: anisotropic displacement parameters ignored (isotropic only)");
        return structure;
    }

    private static bool IsKeyword(CifToken t) => t.IsBare && (t.Text.Equals("loop_", StringComparison.OrdinalIgnoreCase) || t.Text.StartsWith("data_", StringComparison.OrdinalIgnoreCase));

    private static UnitCell ReadCell(Dictionary<string, CifToken> items, string source)
    {
        double Get(string tag, double? dflt)
        {
            if (!items.TryGetValue(tag, out var t))
                return dflt ?? throw new HpcKitDataException($"{source}: missing {tag}");
            var v = Number(t, source);
            return v ?? dflt ?? throw new HpcKitDataException(source, t.Line, $"{tag} has no value");
        }
        double a = Get("_cell_length_a", null), b = Get("_cell_length_b", null), c = Get("_cell_length_c", null);
        double al = Get("_cell_angle_alpha", 90), be = Get("_cell_angle_beta", 90), ga = Get("_cell_angle_gamma", 90);
        try { return new UnitCell(a, b, c, al, be, ga); }
        catch (HpcKitDataException e) { throw new HpcKitDataException(source, items["_cell_length_a"].Line, e.Message); }
    }

    private static List<SymmetryOperator> ReadOperators(List<CifLoop> loops, Dictionary<string, CifToken> items, string source)
    {
        string[] names = ["_symmetry_equiv_pos_as_xyz", "_space_group_symop_operation_xyz"];
        foreach (var loop in loops)
            foreach (var n in names)
            {
                int col = loop.Column(n);
                if (col < 0) continue;
                var ops = new List<SymmetryOperator>();
                for (int r = 0; r < loop.Rows; r++)
                {
                    var tok = loop.Get(r, col);
                    ops.Add(SymmetryOperator.ParseAt(tok.Text, source, tok.Line));
                }
                return ops;
            }
        foreach (var n in names)
            if (items.TryGetValue(n, out var single)) return [SymmetryOperator.ParseAt(single.Text, source, single.Line)];
        throw new HpcKitDataException($"{source}: no symmetry operators (_symmetry_equiv_pos_as_xyz or _space_group_symop_operation_xyz loop); HpcKit does not derive operators from space-group symbols");
    }

    private static (List<AtomSite> Sites, List<int> Mult, List<long> Lines) ReadSites(List<CifLoop> loops, string source)
    {
        var loop = loops.FirstOrDefault(l => l.Column("_atom_site_fract_x") >= 0)
            ?? throw new HpcKitDataException($"{source}: no atom-site loop with _atom_site_fract_x");
        int cLabel = loop.Column("_atom_site_label"), cType = loop.Column("_atom_site_type_symbol");
        int cx = loop.Column("_atom_site_fract_x"), cy = loop.Column("_atom_site_fract_y"), cz = loop.Column("_atom_site_fract_z");
        int cOcc = loop.Column("_atom_site_occupancy"), cU = loop.Column("_atom_site_U_iso_or_equiv"), cB = loop.Column("_atom_site_B_iso_or_equiv");
        int cMult = loop.Column("_atom_site_symmetry_multiplicity");
        if (cy < 0 || cz < 0) throw new HpcKitDataException(source, loop.Line, "atom-site loop lacks _atom_site_fract_y or _atom_site_fract_z");
        if (cLabel < 0 && cType < 0) throw new HpcKitDataException(source, loop.Line, "atom-site loop has neither _atom_site_label nor _atom_site_type_symbol");
        var sites = new List<AtomSite>();
        var mult = new List<int>();
        var lines = new List<long>();
        for (int r = 0; r < loop.Rows; r++)
        {
            var first = loop.Get(r, 0);
            string label = cLabel >= 0 ? loop.Get(r, cLabel).Text : loop.Get(r, cType).Text;
            var elemTok = cType >= 0 && !loop.Get(r, cType).IsMissing ? loop.Get(r, cType) : loop.Get(r, cLabel >= 0 ? cLabel : cType);
            string element = ElementSymbol(elemTok.Text);
            if (!ScatteringLengths.TryGet(element, out _))
                throw new HpcKitDataException(source, elemTok.Line, $"unknown element '{elemTok.Text}' (no neutron scattering length for '{element}')");
            double x = Required(loop.Get(r, cx), source), y = Required(loop.Get(r, cy), source), z = Required(loop.Get(r, cz), source);
            double occ = cOcc >= 0 ? Number(loop.Get(r, cOcc), source) ?? 1.0 : 1.0;
            double u = AtomSite.DefaultUiso;
            if (cU >= 0 && Number(loop.Get(r, cU), source) is double uv) u = uv;
            else if (cB >= 0 && Number(loop.Get(r, cB), source) is double bv) u = bv / (8 * Math.PI * Math.PI);
            if (!(occ >= 0) || !(u >= 0)) throw new HpcKitDataException(source, first.Line, $"site {label}: occupancy and U_iso must be non-negative");
            sites.Add(new AtomSite(label, element, x, y, z, occ, u));
            mult.Add(cMult >= 0 && Number(loop.Get(r, cMult), source) is double m ? (int)m : 0);
            lines.Add(first.Line);
        }
        return (sites, mult, lines);
    }

    /// <summary>Strips charge and digits: "Ba2+" → "Ba", "O-2" → "O", "La+3" → "La", "Ba1" → "Ba"; isotope "2H", "D" kept.</summary>
    public static string ElementSymbol(string text)
    {
        var s = text.AsSpan().Trim();
        int i = 0;
        while (i < s.Length && char.IsDigit(s[i])) i++; // isotope mass number prefix
        int lead = i;
        if (i >= s.Length || !char.IsLetter(s[i])) return text;
        int start = i++;
        if (i < s.Length && char.IsLower(s[i])) i++;
        string sym = char.ToUpperInvariant(s[start]) + s[(start + 1)..i].ToString().ToLowerInvariant();
        if (lead > 0) return s[..lead].ToString() + sym;
        // two-letter symbol that is not an element, e.g. label "Oa": fall back to one letter
        if (sym.Length == 2 && !ScatteringLengths.TryGet(sym, out _) && ScatteringLengths.TryGet(sym[..1], out _)) return sym[..1];
        return sym;
    }

    private static double Required(CifToken t, string source) =>
        Number(t, source) ?? throw new HpcKitDataException(source, t.Line, "missing coordinate");

    /// <summary>Number with optional standard uncertainty "8.7670(1)"; null for '.' or '?'.</summary>
    internal static double? Number(CifToken t, string source)
    {
        if (t.IsMissing) return null;
        var s = t.Text.AsSpan();
        int p = s.IndexOf('(');
        if (p >= 0) s = s[..p];
        if (double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && double.IsFinite(v)) return v;
        throw new HpcKitDataException(source, t.Line, $"expected a number, got '{t.Text}'");
    }
}
