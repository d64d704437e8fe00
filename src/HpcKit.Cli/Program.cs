using System.CommandLine;
using HpcKit.Cli;
using HpcKit.Cli.Modules;
using HpcKit.Core;

var root = new RootCommand("HpcKit — scalable scientific computing: Chung–Lu graphs, sparse KKT solves, phantom parallelism, "
    + "neutron diffraction with active learning, light-front heavy-light mesons.\n\nExamples:\n  hpckit info\n  hpckit quickstart --out out/quickstart");
root.Add(InfoCommand.Create());
root.Add(QuickstartCommand.Create());
root.Add(CommBenchCommand.Create());
foreach (var module in ModuleRegistry.Commands()) root.Add(module);

return Cli.Run(root, args);

namespace HpcKit.Cli
{
    /// <summary>Parses, runs, and maps failures to one line and an exit code (2 usage, 3 data).</summary>
    internal static class Cli
    {
        public static int Run(RootCommand root, string[] args)
        {
            var parse = root.Parse(args);
            if (parse.Errors.Count > 0)
            {
                string verb = parse.CommandResult.Command == root ? "hpckit" : "hpckit " + string.Join(' ', Path(parse.CommandResult));
                Console.Error.WriteLine($"error: {parse.Errors[0].Message} (see '{verb} --help')");
                return 2;
            }
            try
            {
                return parse.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
            }
            catch (HpcKitUsageException e)
            {
                Console.Error.WriteLine("error: " + e.Message);
                return 2;
            }
            catch (HpcKitDataException e)
            {
                Console.Error.WriteLine("error: " + e.Message);
                return 3;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine("error: " + e.Message);
                return 3;
            }
            catch (ArgumentException e)
            {
                Console.Error.WriteLine("error: " + e.Message);
                return 2;
            }
        }

        private static IEnumerable<string> Path(System.CommandLine.Parsing.CommandResult r)
        {
            var names = new List<string>();
            for (var c = r; c != null && c.Parent is System.CommandLine.Parsing.CommandResult; c = c.Parent as System.CommandLine.Parsing.CommandResult)
                names.Insert(0, c.Command.Name);
            return names;
        }
    }
}
