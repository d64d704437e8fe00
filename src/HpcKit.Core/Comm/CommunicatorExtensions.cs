using System.Numerics;

namespace HpcKit.Core.Comm;

/// <summary>Scalar and in-place conveniences over <see cref="ICommunicator"/>.</summary>
public static class CommunicatorExtensions
{
    /// <summary>In-place all-reduce.</summary>
    public static void AllReduce<T>(this ICommunicator comm, Span<T> data, ReduceOp op) where T : unmanaged, INumber<T>
        => comm.AllReduce(data, data, op);

    /// <summary>All-reduce of one value.</summary>
    public static T AllReduce<T>(this ICommunicator comm, T value, ReduceOp op) where T : unmanaged, INumber<T>
    {
        Span<T> v = [value];
        comm.AllReduce(v, v, op);
        return v[0];
    }

    /// <summary>Exclusive scan of one value (rank 0 gets zero).</summary>
    public static T ExclusiveScan<T>(this ICommunicator comm, T value, ReduceOp op = ReduceOp.Sum) where T : unmanaged, INumber<T>
    {
        Span<T> s = [value];
        Span<T> r = [default];
        comm.ExclusiveScan<T>(s, r, op);
        return r[0];
    }

    /// <summary>Every rank's value, in rank order.</summary>
    public static T[] AllGather<T>(this ICommunicator comm, T value) where T : unmanaged
    {
        var all = new T[comm.Size];
        Span<T> s = [value];
        comm.AllGather<T>(s, all);
        return all;
    }

    /// <summary>Broadcast of one value from root.</summary>
    public static T Broadcast<T>(this ICommunicator comm, T value, int root) where T : unmanaged
    {
        Span<T> v = [value];
        comm.Broadcast(v, root);
        return v[0];
    }
}
