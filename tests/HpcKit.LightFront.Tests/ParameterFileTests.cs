using HpcKit.Core;
using HpcKit.LightFront.Model;

namespace HpcKit.LightFront.Tests;

public class ParameterFileTests
{
    private const string Good = "{\n  \"name\": \"s\",\n  \"units\": \"GeV\",\n  \"beta\": 0.5,\n  \"m\": 0.25,\n  \"mu\": 0.5,\n  \"a\": 2.5,\n  \"kappa_f\": 0.02,\n  \"kappa_nf\": 0.02\n}";

    [Fact]
    public void GoodFileLoadsWithDefaults()
    {
        var p = ParameterFile.Parse(Good, "p.json");
        Assert.Equal(0.25, p.MV);
        Assert.Equal(1.0, p.Seagull);
        Assert.Equal(0.08, p.HF, 12);
        Assert.Equal(p, ParameterFile.Parse(ParameterFile.ToJson(p)));
    }

    [Theory]
    [InlineData("\"m\": 0.25", "\"m\": -0.25", "p.json:5: m must be non-negative")]
    [InlineData("\"m\": 0.25", "\"m\": \"NaN\"", "p.json:5: 'm' must be a number (got string)")]
    [InlineData("\"m\": 0.25", "\"m\": 0.25, \"m_V\": 0", "p.json:5: hopping (kappa != 0) needs a positive vertex mass m_V")]
    [InlineData("  \"units\": \"GeV\",\n", "", "p.json:1: missing required key 'units'")]
    [InlineData("\"units\": \"GeV\"", "\"units\": \"MeV\"", "p.json:3: units must be \"GeV\"")]
    [InlineData("\"beta\": 0.5,", "\"beta\": 0.5", "p.json:5: malformed JSON")]
    [InlineData("\"mu\": 0.5", "\"muu\": 0.5", "p.json:6: unknown key 'muu'")]
    public void BadFilesGiveClearErrors(string from, string to, string expected)
    {
        var e = Assert.Throws<HpcKitDataException>(() => ParameterFile.Parse(Good.Replace(from, to, StringComparison.Ordinal), "p.json"));
        Assert.StartsWith(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingFileIsADataError()
    {
        var e = Assert.Throws<HpcKitDataException>(() => ParameterFile.Load("/nonexistent/p.json"));
        Assert.Contains("parameter file not found", e.Message, StringComparison.Ordinal);
    }
}
