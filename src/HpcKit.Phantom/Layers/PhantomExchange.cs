using System.Numerics;
using HpcKit.Core.Comm;

namespace HpcKit.Phantom.Layers;

/// <summary>
/// The one new differentiable primitive of PP (spec §3.3): all-gather of rank-major blocks forward, and its adjoint,
/// a sum reduce-scatter, backward. With <see cref="Emulated"/> the backward all-reduces the whole buffer and keeps
/// block r (the fallback for backends without reduce-scatter: twice the backward words). TP's 1-D layer uses the
/// same operator with blocks of m instead of k.
/// </summary>
public sealed class PhantomExchange<T> where T : unmanaged, INumber<T>
{
    private readonly ICommunicator _comm;
    private T[] _scratch = [];

    public PhantomExchange(ICommunicator comm, bool emulateNoReduceScatter)
    {
        _comm = comm;
        Emulated = emulateNoReduceScatter;
    }

    /// <summary>True when the backward is an all-reduce plus slice.</summary>
    public bool Emulated { get; }

    /// <summary>all = [mine_0, …, mine_{p−1}], rank-major.</summary>
    public void Forward(ReadOnlySpan<T> mine, Span<T> all) => _comm.AllGather(mine, all);

    /// <summary>mine = Σ_ranks all[block Rank].</summary>
    public void Backward(ReadOnlySpan<T> all, Span<T> mine)
    {
        if (!Emulated)
        {
            _comm.ReduceScatter(all, mine, ReduceOp.Sum);
            return;
        }
        if (_scratch.Length < all.Length) _scratch = new T[all.Length];
        var s = _scratch.AsSpan(0, all.Length);
        _comm.AllReduce(all, s, ReduceOp.Sum);
        s.Slice(_comm.Rank * mine.Length, mine.Length).CopyTo(mine);
    }
}
