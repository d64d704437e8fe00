using System.Diagnostics;

namespace HpcKit.Cli.Tests;

/// <summary>Runs the built hpckit.dll (copied beside the tests) as a child process.</summary>
internal static class HpcKitProcess
{
    public static (int Code, string Out, string Err) Run(params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "hpckit.dll"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["HPCKIT_QUIET"] = "1";
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(300_000))
        {
            p.Kill(true);
            throw new TimeoutException("hpckit " + string.Join(' ', args) + " did not finish");
        }
        return (p.ExitCode, stdout.Result, stderr.Result);
    }
}
