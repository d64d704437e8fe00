using HpcKit.Core;
using HpcKit.Diffraction.Instruments;

namespace HpcKit.Diffraction.Tests;

public class InstprmTests
{
    private const string TwoBanks = """
        #GSAS-II instrument parameter file
        #Bank 1:
        Type:PNT;Bank:1
        fltPath:21.5;2-theta:122.0;difC:9496.17;difA:19.21;Zero:4.84
        alpha:0.167;beta-0:0.274811;beta-1:1e-5;sig-1:284.918;sig-2:119.951;Custom:7
        #Bank 2:
        Type:PNT;Bank:2
        fltPath:21.5;2-theta:65.0;difC:5000;difA:0;Zero:0
        """;

    [Fact]
    public void ReadsSeveralKeysPerLineAndBanks()
    {
        var b1 = InstprmReader.Parse(TwoBanks, "t.instprm");
        Assert.True(b1.IsTof);
        Assert.Equal(TofInstrument.NomadBank4, b1.Tof! with { FlightPath = 21.50 });
        var b2 = InstprmReader.Parse(TwoBanks, "t.instprm", bank: 2);
        Assert.Equal(5000, b2.Tof!.DifC);
        Assert.Equal(65.0, b2.Tof.TwoTheta);
        Assert.Contains(b1.Entries, e => e.Key == "Custom");
        var round = InstprmReader.Parse(InstprmReader.Write(b1), "r");
        Assert.Equal(b1.Tof, round.Tof);
        Assert.Equal(b1.Entries, round.Entries);
    }

    [Fact]
    public void ReadsCwAndConvertsCentidegrees()
    {
        var cw = InstprmReader.Parse("Type:PNC\nLam:1.5401;Zero:0.01\nU:20;V:-10;W:5;X:1.5;Y:2\n", "cw").Cw!;
        Assert.Equal(1.5401, cw.Lambda);
        Assert.Equal(20 / 1e4, cw.U, 15);
        Assert.Equal(0.015, cw.X, 15);
    }

    [Theory]
    [InlineData("Type:PXC\nLam:1.54\n", "t:1:", "X-ray")]
    [InlineData("Type:PNT\ndifC:abc\n", "t:2:", "expected a number")]
    [InlineData("Type:PNT\ndifC 9000\n", "t:2:", "key:value")]
    [InlineData("Type:PNT\ndifC:-1;2-theta:90\n", "t:2:", "difC must be positive")]
    public void BadFilesNameTheLine(string text, string where, string what)
    {
        var e = Assert.Throws<HpcKitDataException>(() => InstprmReader.Parse(text, "t"));
        Assert.StartsWith(where, e.Message);
        Assert.Contains(what, e.Message);
    }

    [Fact]
    public void EmbeddedNomadFileMatchesDefault()
    {
        var text = HpcKit.Diffraction.Crystal.Prototypes.Asset("nomad_bank4.instprm");
        Assert.Equal(TofInstrument.NomadBank4, InstprmReader.Parse(text, "nomad").Tof);
    }
}
