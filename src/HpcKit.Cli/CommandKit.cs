using System.CommandLine;
using HpcKit.Core;
using HpcKit.Core.LinearAlgebra;
using HpcKit.Core.Reporting;

namespace HpcKit.Cli;

/// <summary>
/// Shared shapes of every hpckit verb: the common options (--seed, --threads, --out, --report, --quiet),
/// a verb whose help ends with a worked example, and small helpers for writing reports and printing tables.
/// </summary>
internal static class CommandKit
{
    public static Option<ulong> Seed() => new("--seed") { Description = "Random seed (same seed, same result on any rank or thread count)", DefaultValueFactory = _ => 1 };

    public static Option<int> Threads() => new("--threads") { Description = "Worker threads (default: all cores)", DefaultValueFactory = _ => Environment.ProcessorCount };

    public static Option<string?> Out(string description = "Output file or directory") => new("--out") { Description = description };

    public static Option<string?> Report() => new("--report") { Description = "Write a JSON run report to this file" };

    public static Option<bool> Quiet() => new("--quiet") { Description = "No progress output" };

    /// <summary>A verb whose help text ends with an example command line.</summary>
    public static Command Verb(string name, string description, string example) =>
        new(name, $"{description}\n\nExample:\n  {example}");

    /// <summary>A module group whose help lists an example for each verb.</summary>
    public static Command Group(string name, string description, params string[] examples) =>
        new(name, examples.Length == 0 ? description : $"{description}\n\nExamples:\n  " + string.Join("\n  ", examples));

    /// <summary>Applies --threads to the BLAS backend and to parallel loops.</summary>
    public static int ApplyThreads(int threads)
    {
        if (threads < 1) throw new HpcKitUsageException($"--threads must be at least 1 (got {threads})");
        Blas.SetThreads(threads);
        return threads;
    }

    /// <summary>Saves the report when --report was given, and says where.</summary>
    public static void SaveReport(RunReport report, string? path, bool quiet)
    {
        if (string.IsNullOrEmpty(path)) return;
        report.Save(path);
        if (!quiet) Console.Error.WriteLine($"report: {path}");
    }

    /// <summary>Prints an aligned text table to standard output.</summary>
    public static void PrintTable(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        var all = new List<IReadOnlyList<string>> { header };
        all.AddRange(rows);
        var width = new int[header.Count];
        foreach (var r in all)
            for (int i = 0; i < r.Count && i < width.Length; i++) width[i] = Math.Max(width[i], r[i].Length);
        for (int k = 0; k < all.Count; k++)
        {
            var r = all[k];
            Console.WriteLine(string.Join("  ", r.Select((c, i) => i == 0 ? c.PadRight(width[i]) : c.PadLeft(width[i]))));
            if (k == 0) Console.WriteLine(string.Join("  ", width.Select(w => new string('-', w))));
        }
    }
}
