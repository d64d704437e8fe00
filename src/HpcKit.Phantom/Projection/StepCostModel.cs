using HpcKit.Phantom.Accounting;
using HpcKit.Phantom.Model;

namespace HpcKit.Phantom.Projection;

/// <summary>Modelled time and energy of one training step of one configuration (spec §6), with its parts.</summary>
public sealed record StepCost(double ComputeSeconds, double CommSeconds, double StepSeconds, double Joules, double FlopsAllRanks, double BytesAllRanks);

/// <summary>
/// The α–β–γ time model and energy model of spec §6, no overlap of compute and communication:
/// T_TP = γ·F_TP + 2L(p−1)(α + B·m·s·β) + T_head, T_PP = γ·F_PP + 2L(p−1)(α + B·k·s·β) + T_head,
/// T_head = 2(p−1)α + (N + (p−2)N_r)·s·β; E_step = Σ_ranks [P_static·T_step + ε_flop·F_rank + ε_byte·s·V_rank].
/// γ is per shape class: TP hidden GEMMs B×m×n, PP local B×m×m, PP ghost B×k×m; input layer and head use B×m×m.
/// Megatron: L all-reduces of B·n words, 2(p−1) latency terms each.
/// </summary>
public static class StepCostModel
{
    /// <summary>γ for a GEMM M×N×K.</summary>
    public delegate double Gamma(int m, int n, int k);

    /// <summary>The modelled step of <paramref name="c"/> (rank 0's time; energy summed over ranks).</summary>
    public static StepCost Step(NetworkConfig c, CostPreset preset, Gamma gamma, int wordBytes = 4)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(preset);
        ArgumentNullException.ThrowIfNull(gamma);
        long B = c.Batch, n = c.Width, m = c.M, k = c.Ghosts, L = c.Layers;
        int p = c.Ranks;
        double edge = (4.0 * B * c.InputDim * m + 6.0 * B * m * c.OutputDim) * gamma(c.Batch, c.M, c.M);
        double hidden = c.Mode == ParallelMode.Phantom
            ? 6.0 * B * L * (m * m * gamma(c.Batch, c.M, c.M) + p * k * m * gamma(c.Batch, c.Ghosts, c.M))
            : 6.0 * B * L * n * m * gamma(c.Batch, c.M, c.Width);
        double compute = edge + hidden;
        double s = wordBytes, beta = preset.Beta, alpha = preset.Alpha;
        long headWords = ClosedForm.AllReduceWords(B * c.OutputDim, p, 0);
        double comm = p == 1 ? 0 : 2.0 * (p - 1) * alpha + headWords * s * beta;
        if (p > 1)
        {
            comm += c.Mode switch
            {
                ParallelMode.Phantom => 2.0 * L * (p - 1) * (alpha + B * k * s * beta),
                ParallelMode.Tensor => 2.0 * L * (p - 1) * (alpha + B * m * s * beta),
                _ => L * (2.0 * (p - 1) * alpha + ClosedForm.AllReduceWords(B * n, p, 0) * s * beta),
            };
        }
        double t = compute + comm;
        double joules = 0, flops = 0, bytes = 0;
        for (int r = 0; r < p; r++)
        {
            var counts = ClosedForm.For(c, r);
            flops += counts.GemmFlops;
            bytes += counts.WordsSent * s;
            joules += preset.StaticWatts * t + preset.JoulesPerFlop * counts.GemmFlops + preset.JoulesPerByte * s * counts.WordsSent;
        }
        return new StepCost(compute, comm, t, joules, flops, bytes);
    }

    /// <summary>γ measured on this host per shape (<see cref="GammaCalibration"/>).</summary>
    public static Gamma Host => GammaCalibration.Measure;

    /// <summary>γ = 1/peak of the preset for every shape.</summary>
    public static Gamma Peak(CostPreset preset)
    {
        ArgumentNullException.ThrowIfNull(preset);
        return (_, _, _) => 1.0 / preset.PeakFlops;
    }
}
