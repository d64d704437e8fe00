namespace HpcKit.Graphs.Generation;

/// <summary>Collects edges in memory (tests and small graphs only).</summary>
public struct ListSink : IEdgeSink
{
    public ListSink() => Edges = [];

    /// <summary>The edges, in production order.</summary>
    public List<(long Row, long Column)> Edges { get; }

    /// <inheritdoc/>
    public readonly void Edge(long row, long column) => Edges.Add((row, column));
}
