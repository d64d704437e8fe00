using System.CommandLine;
using HpcKit.Core.Reporting;

namespace HpcKit.Cli;

/// <summary>
/// `hpckit quickstart`: runs each module's small demo and writes out/quickstart/ with a report and plots.
/// The core demo runs first, then each module's <see cref="Modules.ICliModule.Quickstart"/>.
/// </summary>
internal static class QuickstartCommand
{
    /// <summary>(name, demo): each demo writes into its own folder and adds results to the report.</summary>
    private static IEnumerable<(string Name, Action<string, RunReport, bool> Demo)> Steps() =>
        Modules.ModuleRegistry.Modules.Select(m => (m.Name, (Action<string, RunReport, bool>)m.Quickstart)).Prepend(("core", CoreDemo.Run));

    public static Command Create()
    {
        var outOpt = CommandKit.Out("Output directory (default out/quickstart)");
        var quiet = CommandKit.Quiet();
        var only = new Option<string?>("--only") { Description = "Run only this module's demo" };
        var cmd = CommandKit.Verb("quickstart", "Runs every module's small demo and writes reports and plots.", "hpckit quickstart --out out/quickstart");
        cmd.Add(outOpt);
        cmd.Add(quiet);
        cmd.Add(only);
        cmd.SetAction(p =>
        {
            string dir = p.GetValue(outOpt) ?? Path.Combine("out", "quickstart");
            bool q = p.GetValue(quiet);
            string? which = p.GetValue(only);
            var report = new RunReport("quickstart");
            foreach (var (name, demo) in Steps())
            {
                if (which != null && !string.Equals(which, name, StringComparison.OrdinalIgnoreCase)) continue;
                if (!q) Console.WriteLine($"== {name}");
                string sub = Path.Combine(dir, name);
                Directory.CreateDirectory(sub);
                using (report.Time(name)) demo(sub, report, q);
            }
            report.Save(Path.Combine(dir, "report.json"));
            Console.WriteLine($"quickstart: wrote {Path.Combine(dir, "report.json")}");
            return 0;
        });
        return cmd;
    }
}
