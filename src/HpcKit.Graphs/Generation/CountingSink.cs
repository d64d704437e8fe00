namespace HpcKit.Graphs.Generation;

/// <summary>Count-only output: counts edges and, when asked, accumulates the fingerprint.</summary>
public struct CountingSink : IEdgeSink
{
    private readonly bool _fingerprint;

    public CountingSink(bool fingerprint) => _fingerprint = fingerprint;

    /// <summary>Edges seen.</summary>
    public long Edges { get; private set; }

    /// <summary>Fingerprint of the edges seen (0 when not computed).</summary>
    public ulong Fingerprint { get; private set; }

    /// <inheritdoc/>
    public void Edge(long row, long column)
    {
        Edges++;
        if (_fingerprint) Fingerprint += EdgeFingerprint.Of(row, column);
    }
}
