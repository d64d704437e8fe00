using System.Diagnostics;
using System.Runtime.InteropServices;
using HpcKit.Core.LinearAlgebra;

namespace HpcKit.Core.Reporting;

/// <summary>Facts about the machine and build that every run report carries.</summary>
public sealed record EnvironmentInfo(
    string CpuModel,
    int LogicalCores,
    string Os,
    string Runtime,
    string BlasBackend,
    string LapackBackend,
    string RankTransport,
    int Ranks,
    string GitCommit,
    string Hostname)
{
    /// <summary>Reads the current environment.</summary>
    public static EnvironmentInfo Capture(string transport = "threads", int ranks = 1) => new(
        ReadCpuModel(),
        Environment.ProcessorCount,
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
        Blas.Current.Name,
        SymmetricEigen.UsesLapack ? "LAPACK (liblapack.so.3)" : "managed Jacobi",
        transport,
        ranks,
        ReadGitCommit(),
        Environment.MachineName);

    /// <summary>"model name" from /proc/cpuinfo, or the architecture.</summary>
    public static string ReadCpuModel()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/cpuinfo"))
            {
                if (line.StartsWith("model name", StringComparison.Ordinal))
                    return line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
        return RuntimeInformation.ProcessArchitecture.ToString();
    }

    /// <summary>HEAD of the git checkout around the working directory or the binary, "unknown" otherwise.</summary>
    public static string ReadGitCommit()
    {
        string? env = Environment.GetEnvironmentVariable("HPCKIT_COMMIT");
        if (!string.IsNullOrEmpty(env)) return env;
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var d = new DirectoryInfo(start); d != null; d = d.Parent)
            {
                string head = Path.Combine(d.FullName, ".git", "HEAD");
                if (!File.Exists(head)) continue;
                try
                {
                    string h = File.ReadAllText(head).Trim();
                    if (!h.StartsWith("ref:", StringComparison.Ordinal)) return h;
                    string refPath = Path.Combine(d.FullName, ".git", h[4..].Trim());
                    if (File.Exists(refPath)) return File.ReadAllText(refPath).Trim();
                    return RunGit(d.FullName) ?? "unknown";
                }
                catch (IOException)
                {
                    return "unknown";
                }
            }
        }
        return "unknown";
    }

    private static string? RunGit(string dir)
    {
        try
        {
            using var p = Process.Start(new ProcessStartInfo("git", "rev-parse HEAD") { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true });
            if (p == null) return null;
            string s = p.StandardOutput.ReadToEnd().Trim();
            p.WaitForExit();
            return p.ExitCode == 0 ? s : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
