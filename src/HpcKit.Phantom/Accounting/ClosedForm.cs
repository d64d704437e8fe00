using HpcKit.Core.Comm;
using HpcKit.Phantom.Model;

namespace HpcKit.Phantom.Accounting;

/// <summary>
/// The closed-form cost table of spec §6, per rank and training step, as exact integers. With X = n·m (TP) or
/// m² + p·k·m (PP), x = m (TP) or k (PP), N = B·d_out and N_r = ⌊N/p⌋ + [r &lt; N mod p]:
/// F = 4B·d_in·m + 6B·L·X + 6B·m·d_out;
/// V = 2L(p−1)·B·x + (N + (p−2)·N_r), or 3L(p−1)·B·x + … with the all-reduce fallback;
/// Megatron: L all-reduces of B·n words plus the head; collectives 2L + 1 (1-D TP, PP) or L + 1 (Megatron).
/// </summary>
public static class ClosedForm
{
    /// <summary>All §6 quantities for rank <paramref name="rank"/> of <paramref name="c"/>.</summary>
    public static StepCounts For(NetworkConfig c, int rank)
    {
        ArgumentNullException.ThrowIfNull(c);
        long B = c.Batch, n = c.Width, p = c.Ranks, m = c.M, k = c.Ghosts, L = c.Layers;
        long X = c.Mode == ParallelMode.Phantom ? m * m + p * k * m : n * m;
        long flops = 4 * B * c.InputDim * m + 6 * B * L * X + 6 * B * m * c.OutputDim;
        long head = AllReduceWords(B * c.OutputDim, c.Ranks, rank);
        long words, calls;
        if (c.Mode == ParallelMode.Megatron)
        {
            words = L * AllReduceWords(B * n, c.Ranks, rank) + head;
            calls = L + 1;
        }
        else
        {
            long x = c.Mode == ParallelMode.Phantom ? k : m;
            words = (c.EmulateNoReduceScatter ? 3 : 2) * L * (p - 1) * B * x + head;
            calls = 2 * L + 1;
        }
        long weights = c.Mode == ParallelMode.Phantom ? m * m + p * k * m : n * m;
        long kept = c.Mode == ParallelMode.Phantom ? 2 * B * m + B * p * k : B * n + B * m;
        return new StepCounts
        {
            GemmFlops = flops,
            WordsSent = words,
            WordsReceived = words,
            Collectives = calls,
            HiddenWeightsPerLayer = weights,
            HiddenKeptActivationsPerLayer = kept,
        };
    }

    /// <summary>Words one rank sends (= receives) in a sum all-reduce of N words: N + (p−2)·N_r, 0 at p = 1.</summary>
    public static long AllReduceWords(long words, int p, int rank) =>
        p == 1 ? 0 : words + (p - 2) * BlockRange.Of(words, p, rank).Count;

    /// <summary>PP/TP ratio of hidden GEMM FLOPs and weights: 1/p + p·k/n.</summary>
    public static double FlopRatio(int n, int p, int k) => 1.0 / p + (double)p * k / n;

    /// <summary>PP/TP ratio of hidden-layer words: k/m.</summary>
    public static double ByteRatio(int n, int p, int k) => (double)k / (n / p);

    /// <summary>PP/TP ratio of kept activations: (2m + p·k)/(n + m).</summary>
    public static double ActivationRatio(int n, int p, int k)
    {
        double m = n / p;
        return (2 * m + p * k) / (n + m);
    }
}
