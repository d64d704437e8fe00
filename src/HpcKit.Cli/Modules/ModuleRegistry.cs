using System.CommandLine;

namespace HpcKit.Cli.Modules;

/// <summary>Every <see cref="ICliModule"/> in this assembly, in their declared order.</summary>
internal static class ModuleRegistry
{
    public static IReadOnlyList<ICliModule> Modules { get; } =
        typeof(ICliModule).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(ICliModule).IsAssignableFrom(t))
            .Select(t => (ICliModule)Activator.CreateInstance(t)!)
            .OrderBy(m => m.Order)
            .ToList();

    public static IEnumerable<Command> Commands() => Modules.Select(m => m.Create());
}
