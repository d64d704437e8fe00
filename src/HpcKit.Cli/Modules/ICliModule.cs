using System.CommandLine;
using HpcKit.Core.Reporting;

namespace HpcKit.Cli.Modules;

/// <summary>
/// A science module's face in the CLI: its command group (`hpckit &lt;name&gt; ...`) and its quickstart demo.
/// Implementations are found by reflection, so adding a module means adding one class.
/// </summary>
internal interface ICliModule
{
    /// <summary>Position in `hpckit --help` and in the quickstart.</summary>
    int Order { get; }

    /// <summary>Group name, e.g. "chunglu".</summary>
    string Name { get; }

    /// <summary>The command group with its verbs.</summary>
    Command Create();

    /// <summary>A small demo (seconds) writing into <paramref name="dir"/> and adding results to <paramref name="report"/>.</summary>
    void Quickstart(string dir, RunReport report, bool quiet);
}
