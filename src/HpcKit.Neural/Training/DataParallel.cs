using System.Numerics;
using HpcKit.Core.Comm;

namespace HpcKit.Neural;

/// <summary>
/// Data parallelism over an <see cref="ICommunicator"/>: every rank holds a replica, computes gradients of the mean
/// loss over its shard of the batch, and <see cref="AllReduceGradients"/> replaces them by Σ_r (n_r/N)·g_r — the
/// gradient of the mean loss over the whole batch — in one all-reduce of a packed buffer (rank-ordered, deterministic).
/// </summary>
public sealed class DataParallel<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly IReadOnlyList<Parameter<T>> _parameters;
    private readonly T[] _buffer;

    /// <summary>Data parallelism for <paramref name="parameters"/> over <paramref name="communicator"/>.</summary>
    public DataParallel(ICommunicator communicator, IReadOnlyList<Parameter<T>> parameters)
    {
        Communicator = communicator ?? throw new ArgumentNullException(nameof(communicator));
        _parameters = parameters ?? throw new ArgumentNullException(nameof(parameters));
        long n = 0;
        foreach (var p in parameters) n += p.Length;
        _buffer = new T[n];
    }

    /// <summary>The ranks.</summary>
    public ICommunicator Communicator { get; }

    /// <summary>This rank's rows [start, start+count) of a batch of <paramref name="batchRows"/> rows (block split).</summary>
    public (int Start, int Count) Shard(int batchRows)
    {
        var r = BlockRange.Of(batchRows, Communicator.Size, Communicator.Rank);
        return ((int)r.Start, (int)r.Count);
    }

    /// <summary>Copies rank 0's parameter values to every rank (call once after building the replicas).</summary>
    public void BroadcastParameters(int root = 0)
    {
        foreach (var p in _parameters) Communicator.Broadcast(p.Value.Span, root);
    }

    /// <summary>Gradients ← Σ_r (localRows_r / globalRows)·gradients_r on every rank.</summary>
    public void AllReduceGradients(int localRows, int globalRows)
    {
        if (globalRows < 1) throw new ArgumentOutOfRangeException(nameof(globalRows));
        T w = T.CreateTruncating((double)localRows / globalRows);
        var buf = _buffer.AsSpan();
        int off = 0;
        foreach (var p in _parameters)
        {
            System.Numerics.Tensors.TensorPrimitives.Multiply(p.Gradient.Span, w, buf.Slice(off, p.Length));
            off += p.Length;
        }
        Communicator.AllReduce<T>(buf, buf, ReduceOp.Sum);
        off = 0;
        foreach (var p in _parameters)
        {
            buf.Slice(off, p.Length).CopyTo(p.Gradient.Span);
            off += p.Length;
        }
    }

    /// <summary>Σ_r (localRows_r/globalRows)·value_r — the global mean of a per-shard mean.</summary>
    public double AllReduceMean(double value, int localRows, int globalRows)
        => Communicator.AllReduce(value * localRows / globalRows, ReduceOp.Sum);
}
