using HpcKit.Core;
using HpcKit.Diffraction.Crystal;

namespace HpcKit.Diffraction.Tests;

public class CifReaderTests
{
    private const string Good = """
        data_test
        _cell_length_a 4.0000(2)
        _cell_length_b 4.0
        _cell_length_c 5.0
        _cell_angle_alpha 90
        _cell_angle_beta 90
        _cell_angle_gamma 90
        loop_
        _space_group_symop_id
        _space_group_symop_operation_xyz
        1 'x, y, z'
        2 '-x, -y, z+1/2'
        loop_
        _atom_site_label
        _atom_site_type_symbol
        _atom_site_fract_x
        _atom_site_fract_y
        _atom_site_fract_z
        _atom_site_occupancy
        _atom_site_B_iso_or_equiv
        Fe1 Fe3+ 0.1 0.2 0.3 1 0.7896
        O1 O2- 0 0 0.25 0.5 .
        """;

    [Fact]
    public void ReadsCellOperatorsSitesAndDisplacements()
    {
        var s = CifReader.Parse(Good, "good.cif");
        Assert.Equal(4.0, s.Cell.A);
        Assert.Equal(2, s.Operators.Count);
        Assert.Equal(2, s.Sites.Count);
        Assert.Equal(0.7896 / (8 * Math.PI * Math.PI), s.Sites[0].Uiso, 15);
        Assert.Equal(AtomSite.DefaultUiso, s.Sites[1].Uiso);
        Assert.Equal(0.5, s.Sites[1].Occupancy);
        Assert.Equal(2, s.OrbitSizes[0]);
        Assert.Equal(2, s.OrbitSizes[1]); // -x,-y,z+1/2 maps (0,0,1/4) to (0,0,3/4)
    }

    [Fact]
    public void MalformedLoopNamesTheLine()
    {
        var bad = Good.Replace("O1 O2- 0 0 0.25 0.5 .", "O1 O2- 0 0 0.25 0.5", StringComparison.Ordinal);
        var e = Assert.Throws<HpcKitDataException>(() => CifReader.Parse(bad, "bad.cif"));
        Assert.StartsWith("bad.cif:22:", e.Message);
    }

    [Fact]
    public void UnknownElementIsAClearError()
    {
        var bad = Good.Replace("Fe1 Fe3+", "Xx1 Xx", StringComparison.Ordinal);
        var e = Assert.Throws<HpcKitDataException>(() => CifReader.Parse(bad, "bad.cif"));
        Assert.StartsWith("bad.cif:21:", e.Message);
        Assert.Contains("unknown element", e.Message);
    }

    [Fact]
    public void BadOperatorAndBadNumberNameTheirLines()
    {
        var e = Assert.Throws<HpcKitDataException>(() => CifReader.Parse(Good.Replace("'-x, -y, z+1/2'", "'-x, -q, z'", StringComparison.Ordinal), "b.cif"));
        Assert.StartsWith("b.cif:12:", e.Message);
        e = Assert.Throws<HpcKitDataException>(() => CifReader.Parse(Good.Replace("4.0000(2)", "four", StringComparison.Ordinal), "b.cif"));
        Assert.StartsWith("b.cif:2:", e.Message);
    }

    [Fact]
    public void NoOperatorsOrBadCellRejected()
    {
        int a = Good.IndexOf("loop_", StringComparison.Ordinal), b = Good.IndexOf("loop_", a + 1, StringComparison.Ordinal);
        var noOps = Good.Remove(a, b - a);
        Assert.Contains("no symmetry operators", Assert.Throws<HpcKitDataException>(() => CifReader.Parse(noOps, "n.cif")).Message);
        var badCell = Good.Replace("_cell_angle_gamma 90", "_cell_angle_gamma 179.9", StringComparison.Ordinal).Replace("_cell_angle_alpha 90", "_cell_angle_alpha 1", StringComparison.Ordinal);
        Assert.Contains("non-physical cell", Assert.Throws<HpcKitDataException>(() => CifReader.Parse(badCell, "c.cif")).Message);
    }
}
