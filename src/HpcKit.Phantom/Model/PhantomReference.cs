using HpcKit.Neural;
using System.Numerics;
using HpcKit.Phantom.Layers;

namespace HpcKit.Phantom.Model;

/// <summary>
/// The test oracle of spec §4: materialises every hidden layer's W_eff from all ranks of a PP network in one process,
/// runs the dense model, and maps its gradients back to each rank's tensors (the §4 projection for hidden layers,
/// row/column slices for the input layer and head). Also slices a dense model into TP/Megatron rank tensors.
/// </summary>
public sealed class PhantomReference<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly IReadOnlyList<RankNetwork<T>> _ranks;

    /// <summary>Builds the dense W_eff model from every rank's network (index = rank) of one PP group.</summary>
    public PhantomReference(IReadOnlyList<RankNetwork<T>> ranks, int capacity = 0)
    {
        ArgumentNullException.ThrowIfNull(ranks);
        _ranks = ranks;
        var cfg = ranks[0].Config;
        int p = cfg.Ranks, m = cfg.M, n = cfg.Width, d = cfg.InputDim, o = cfg.OutputDim;
        Dense = new DenseNetwork<T>(cfg with { Ranks = 1 }, capacity);
        for (int r = 0; r < p; r++)
        {
            var net = ranks[r];
            net.Input.W.Value.Storage.CopyTo(Dense.InputW.Value.Storage, r * m * d);
            net.Input.Bias.Value.Storage.CopyTo(Dense.InputB.Value.Storage, r * m);
            for (int i = 0; i < o; i++) net.Head.W.Value.Storage.AsSpan(i * m, m).CopyTo(Dense.HeadW.Value.Storage.AsSpan(i * n + r * m, m));
            for (int l = 0; l < cfg.Layers; l++) ((PhantomLayer<T>)net.Hidden[l]).Bias.Value.Storage.CopyTo(Dense.HiddenB[l].Value.Storage, r * m);
        }
        ranks[0].Head.Bias.Value.Storage.CopyTo(Dense.HeadB.Value.Storage, 0);
        for (int l = 0; l < cfg.Layers; l++)
        {
            int layer = l;
            EffectiveWeight.Assemble<T>(ranks.Select(x => (PhantomLayer<T>)x.Hidden[layer]).ToList()).CopyTo(Dense.HiddenW[l].Value.Storage, 0);
        }
    }

    /// <summary>The dense model with W_eff hidden weights.</summary>
    public DenseNetwork<T> Dense { get; }

    /// <summary>After Dense.Backward: the gradient every tensor of rank r should have, by parameter name.</summary>
    public Dictionary<string, T[]> ExpectedGradients(int r)
    {
        var cfg = _ranks[0].Config;
        int p = cfg.Ranks, m = cfg.M, k = cfg.Ghosts;
        var e = SharedSlices(Dense, cfg, r, grad: true);
        for (int l = 0; l < cfg.Layers; l++)
        {
            int layer = l;
            PhantomLayer<T> At(int q) => (PhantomLayer<T>)_ranks[q].Hidden[layer];
            var (dW, dC, dD) = EffectiveWeight.Project<T>(Dense.HiddenW[l].Gradient.Storage, p, m, k, r, q => At(q).C.Value.Storage, q => At(q).D.Value.Storage);
            e[$"hidden{l + 1}.W_rr"] = dW;
            e[$"hidden{l + 1}.C"] = dC;
            e[$"hidden{l + 1}.D"] = dD;
            e[$"hidden{l + 1}.b"] = Dense.HiddenB[l].Gradient.Storage.AsSpan(r * m, m).ToArray();
        }
        return e;
    }

    /// <summary>
    /// Rank r's share of a dense model's values (grad = false) or gradients (grad = true) under the TP layout of
    /// <paramref name="cfg"/>.Mode (Tensor: hidden rows; Megatron: odd layers input columns, even layers rows).
    /// </summary>
    public static Dictionary<string, T[]> TensorParallelSlices(DenseNetwork<T> dense, NetworkConfig cfg, int r, bool grad)
    {
        ArgumentNullException.ThrowIfNull(dense);
        ArgumentNullException.ThrowIfNull(cfg);
        var e = SharedSlices(dense, cfg, r, grad);
        int m = cfg.M, n = cfg.Width;
        for (int l = 0; l < cfg.Layers; l++)
        {
            var w = grad ? dense.HiddenW[l].Gradient.Storage : dense.HiddenW[l].Value.Storage;
            var b = grad ? dense.HiddenB[l].Gradient.Storage : dense.HiddenB[l].Value.Storage;
            bool rowParallel = cfg.Mode == ParallelMode.Megatron && l % 2 == 0;
            if (rowParallel)
            {
                var s = new T[n * m];
                for (int i = 0; i < n; i++) w.AsSpan(i * n + r * m, m).CopyTo(s.AsSpan(i * m, m));
                e[$"hidden{l + 1}.W"] = s;
                e[$"hidden{l + 1}.b"] = b.ToArray();
            }
            else
            {
                e[$"hidden{l + 1}.W"] = w.AsSpan(r * m * n, m * n).ToArray();
                e[$"hidden{l + 1}.b"] = b.AsSpan(r * m, m).ToArray();
            }
        }
        return e;
    }

    private static Dictionary<string, T[]> SharedSlices(DenseNetwork<T> dense, NetworkConfig cfg, int r, bool grad)
    {
        int m = cfg.M, n = cfg.Width, d = cfg.InputDim, o = cfg.OutputDim;
        T[] Pick(Parameter<T> q) => grad ? q.Gradient.Storage : q.Value.Storage;
        var head = new T[o * m];
        for (int i = 0; i < o; i++) Pick(dense.HeadW).AsSpan(i * n + r * m, m).CopyTo(head.AsSpan(i * m, m));
        return new Dictionary<string, T[]>(StringComparer.Ordinal)
        {
            ["input.W"] = Pick(dense.InputW).AsSpan(r * m * d, m * d).ToArray(),
            ["input.b"] = Pick(dense.InputB).AsSpan(r * m, m).ToArray(),
            ["head.W"] = head,
            ["head.b"] = Pick(dense.HeadB).ToArray(),
        };
    }
}
