namespace HpcKit.Cli.Tests;

public class CliTests
{
    [Fact]
    public void Help_lists_commands_with_examples()
    {
        var (code, stdout, _) = HpcKitProcess.Run("--help");
        Assert.Equal(0, code);
        Assert.Contains("info", stdout, StringComparison.Ordinal);
        Assert.Contains("quickstart", stdout, StringComparison.Ordinal);
        Assert.Contains("Examples:", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Version_prints()
    {
        var (code, stdout, _) = HpcKitProcess.Run("--version");
        Assert.Equal(0, code);
        Assert.False(string.IsNullOrWhiteSpace(stdout));
    }

    [Fact]
    public void Bad_option_is_exit_2_with_one_line()
    {
        var (code, stdout, stderr) = HpcKitProcess.Run("info", "--no-such-option");
        Assert.Equal(2, code);
        Assert.Equal("", stdout.Trim());
        var lines = stderr.Trim().Split('\n');
        Assert.Single(lines);
        Assert.StartsWith("error:", lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_value_is_exit_2()
    {
        var (code, _, stderr) = HpcKitProcess.Run("info", "--gemm-n", "0");
        Assert.Equal(2, code);
        Assert.Contains("--gemm-n", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Info_runs_and_writes_a_report()
    {
        string report = Path.Combine(Path.GetTempPath(), $"hpckit-info-{Guid.NewGuid():N}.json");
        try
        {
            var (code, stdout, stderr) = HpcKitProcess.Run("info", "--gemm-n", "64", "--threads", "1", "--report", report);
            Assert.True(code == 0, stderr);
            Assert.Contains("blas", stdout, StringComparison.Ordinal);
            Assert.Contains("energy", stdout, StringComparison.Ordinal);
            var j = HpcKit.Core.Reporting.RunReport.Load(report);
            Assert.True((double)j["results"]!["gemm_gflops"]! > 0);
        }
        finally
        {
            File.Delete(report);
        }
    }
}
