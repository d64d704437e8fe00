using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using HpcKit.Core.Reporting;

namespace HpcKit.Cli.Modules.Phantom;

/// <summary>
/// Report values that may hold NaN ("not reached" medians): serialised with named floating-point literals, because
/// Core's RunReport uses the default options, which reject NaN (reported to the lead as a Core gap).
/// </summary>
internal static class PhantomJson
{
    private static readonly JsonSerializerOptions Options = new() { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    /// <summary>The value as a JSON node, NaN written as "NaN".</summary>
    public static JsonNode? Node(object? value) => value == null ? null : JsonSerializer.SerializeToNode(value, value.GetType(), Options);

    /// <summary>Records a result that may contain NaN.</summary>
    public static RunReport SafeResult(this RunReport report, string name, object? value)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Result(name, Node(value));
    }
}
