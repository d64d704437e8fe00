namespace HpcKit.Core.Comm;

/// <summary>Calls and bytes of one collective kind on one rank.</summary>
public sealed record CollectiveCounters(string Collective, long Calls, long BytesSent, long BytesReceived);

/// <summary>
/// Per-rank communication counters. Bytes follow the documented algorithm of each collective
/// (<see cref="CollectiveCost"/>), not the wire, so they are exact, transport-independent and testable.
/// One instance per rank; not shared between threads.
/// </summary>
public sealed class CommStats
{
    private readonly Dictionary<string, long[]> _byCollective = new(StringComparer.Ordinal);

    /// <summary>Total bytes this rank sent over all collectives.</summary>
    public long BytesSent { get; private set; }

    /// <summary>Total bytes this rank received over all collectives.</summary>
    public long BytesReceived { get; private set; }

    /// <summary>Total collective calls.</summary>
    public long Calls { get; private set; }

    internal void Record(string collective, ByteCost cost)
    {
        if (!_byCollective.TryGetValue(collective, out var c))
        {
            c = new long[3];
            _byCollective[collective] = c;
        }
        c[0]++;
        c[1] += cost.Sent;
        c[2] += cost.Received;
        Calls++;
        BytesSent += cost.Sent;
        BytesReceived += cost.Received;
    }

    /// <summary>Counters of one collective ("AllGather", "ReduceScatter", ...); zeros if never called.</summary>
    public CollectiveCounters For(string collective) =>
        _byCollective.TryGetValue(collective, out var c)
            ? new CollectiveCounters(collective, c[0], c[1], c[2])
            : new CollectiveCounters(collective, 0, 0, 0);

    /// <summary>All collectives used so far, sorted by name.</summary>
    public IReadOnlyList<CollectiveCounters> All() =>
        _byCollective.OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => new CollectiveCounters(kv.Key, kv.Value[0], kv.Value[1], kv.Value[2])).ToList();

    /// <summary>Clears every counter.</summary>
    public void Reset()
    {
        _byCollective.Clear();
        BytesSent = BytesReceived = Calls = 0;
    }
}
