using HpcKit.Neural;
using System.Numerics;
using HpcKit.Core;
using HpcKit.Core.Comm;
using HpcKit.Phantom.Layers;

namespace HpcKit.Phantom.Model;

/// <summary>
/// One rank's part of a model-parallel FFN: input layer (d_in → m local neurons), L hidden layers of the chosen
/// <see cref="ParallelMode"/>, and the head (→ d_out, replicated). PP and TP differ only in the hidden layers.
/// Every GEMM is counted on <see cref="Flops"/>; bytes are counted by the communicator's CommStats.
/// </summary>
public sealed class RankNetwork<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly List<RankLayer<T>> _hidden = [];

    /// <summary>Builds rank comm.Rank's network; <paramref name="capacity"/> is the most rows per call (default B).</summary>
    public RankNetwork(ICommunicator comm, NetworkConfig config, int capacity = 0)
    {
        ArgumentNullException.ThrowIfNull(comm);
        ArgumentNullException.ThrowIfNull(config);
        config.Validate();
        if (config.Ranks != comm.Size)
            throw new HpcKitUsageException($"the configuration is for p = {config.Ranks} ranks but the communicator has {comm.Size}");
        Comm = comm;
        Config = config;
        Capacity = capacity > 0 ? capacity : config.Batch;
        Input = new InputLayer<T>(comm, config, Capacity, Flops);
        for (int l = 1; l <= config.Layers; l++)
        {
            RankLayer<T> layer = config.Mode switch
            {
                ParallelMode.Phantom => new PhantomLayer<T>(comm, config, l, Capacity, Flops),
                ParallelMode.Tensor => new TensorParallelLayer<T>(comm, config, l, Capacity, Flops),
                _ => l % 2 == 1 ? new RowParallelLayer<T>(comm, config, l, Capacity, Flops) : new ColumnParallelLayer<T>(comm, config, l, Capacity, Flops),
            };
            _hidden.Add(layer);
        }
        Head = new OutputHead<T>(comm, config, Capacity, Flops);
        var all = new List<Parameter<T>>(Input.Parameters);
        foreach (var h in _hidden) all.AddRange(h.Parameters);
        all.AddRange(Head.Parameters);
        Parameters = all;
    }

    public ICommunicator Comm { get; }

    public NetworkConfig Config { get; }

    /// <summary>Most rows per Forward call.</summary>
    public int Capacity { get; }

    /// <summary>GEMM FLOPs issued by this rank.</summary>
    public FlopCounter Flops { get; } = new();

    public InputLayer<T> Input { get; }

    public IReadOnlyList<RankLayer<T>> Hidden => _hidden;

    public OutputHead<T> Head { get; }

    /// <summary>Every trainable tensor of this rank, input layer first.</summary>
    public IReadOnlyList<Parameter<T>> Parameters { get; }

    /// <summary>Outputs o (rows×d_out, identical on every rank) for the replicated batch x (rows×d_in).</summary>
    public T[] Forward(T[] x, int rows)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (rows < 1 || rows > Capacity) throw new ArgumentOutOfRangeException(nameof(rows), $"rows must be in 1..{Capacity}");
        var a = Input.Forward(x, rows);
        foreach (var h in _hidden) a = h.Forward(a, rows);
        return Head.Forward(a, rows);
    }

    /// <summary>Backward from ∂ℓ/∂o (replicated); fills every gradient. Returns ∂ℓ/∂x when the input layer forms it.</summary>
    public T[]? Backward(T[] gradOutput, int rows)
    {
        var g = Head.Backward(gradOutput, rows)!;
        for (int l = _hidden.Count - 1; l >= 0; l--) g = _hidden[l].Backward(g, rows)!;
        return Input.Backward(g, rows);
    }

    /// <summary>Weights (biases excluded) this rank holds in the hidden layers, per layer.</summary>
    public long HiddenWeightsPerLayer() => _hidden.Count == 0 ? 0 : _hidden[0].Parameters.Where(q => q.Value.Rank == 2).Sum(q => (long)q.Value.Length);

    /// <summary>Activation elements one hidden layer keeps for backward at B rows.</summary>
    public long HiddenKeptActivationsPerLayer(int rows) => _hidden.Count == 0 ? 0 : _hidden[0].KeptActivationElements(rows);

    /// <summary>Whether the hidden backward collective is the all-reduce fallback.</summary>
    public bool ReduceScatterEmulated => Config.EmulateNoReduceScatter && Config.Mode != ParallelMode.Megatron && Config.Ranks > 1;

    /// <summary>The parameter called <paramref name="name"/>.</summary>
    public Parameter<T> Find(string name) => Parameters.FirstOrDefault(q => q.Name == name) ?? throw new KeyNotFoundException(name);
}
