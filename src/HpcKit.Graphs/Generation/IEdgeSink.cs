namespace HpcKit.Graphs.Generation;

/// <summary>
/// Receives edges as they are produced (original input ids). Implemented by structs and passed as a generic
/// parameter, so the call inlines into the hot loop with no virtual dispatch or allocation.
/// </summary>
public interface IEdgeSink
{
    /// <summary>One edge: <paramref name="row"/> is the row node, <paramref name="column"/> the column node.</summary>
    void Edge(long row, long column);
}
