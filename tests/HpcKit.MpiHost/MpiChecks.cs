using HpcKit.Core.Comm;

namespace HpcKit.MpiHost;

/// <summary>A module's checks to run under mpirun; implementations are found by reflection.</summary>
internal interface IMpiCheckSet
{
    IEnumerable<(string Name, Action<ICommunicator> Check)> Checks();
}

/// <summary>All checks: the collective conformance suite, then every <see cref="IMpiCheckSet"/>.</summary>
internal static class MpiChecks
{
    public static IEnumerable<(string Name, Action<ICommunicator> Check)> All()
    {
        foreach (var c in HpcKit.Testing.CollectiveSuite.All()) yield return ("comm " + c.Name, c.Check);
        var sets = typeof(IMpiCheckSet).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IMpiCheckSet).IsAssignableFrom(t))
            .OrderBy(t => t.Name, StringComparer.Ordinal);
        foreach (var t in sets)
            foreach (var c in ((IMpiCheckSet)Activator.CreateInstance(t)!).Checks()) yield return c;
    }
}
