namespace HpcKit.Phantom.Projection;

/// <summary>
/// Constants of the §6 α–β–γ time model and energy model that are not calibrated on this host. Shipped presets are
/// ILLUSTRATIVE: derived from nominal device power and peak rates, not measured. Every report prints them.
/// </summary>
/// <param name="Name">Preset name printed with every projection row.</param>
/// <param name="Alpha">α, seconds per message.</param>
/// <param name="Beta">β, seconds per byte.</param>
/// <param name="StaticWatts">P_static per rank, watts (idle and waiting ranks included).</param>
/// <param name="JoulesPerFlop">ε_flop = (P_busy − P_idle)/F_peak.</param>
/// <param name="JoulesPerByte">ε_byte, joules per byte moved.</param>
/// <param name="PeakFlops">Nominal peak FLOP/s of one rank (γ = 1/peak when host calibration is not used).</param>
/// <param name="Note">Where the numbers come from.</param>
public sealed record CostPreset(string Name, double Alpha, double Beta, double StaticWatts, double JoulesPerFlop, double JoulesPerByte, double PeakFlops, string Note)
{
    /// <summary>
    /// A GPU-class rank on a 200 Gb/s network: α = 5 µs, β = 1/(25 GB/s), P_idle = 90 W, P_busy = 400 W at a nominal
    /// 50 TFLOP/s fp32 (ε_flop = 310 W / 50e12 = 6.2 pJ), NIC-class 20 W at 25 GB/s (ε_byte = 0.8 nJ/B).
    /// </summary>
    public static CostPreset IllustrativeGpuCluster { get; } = new("illustrative-gpu-cluster", 5e-6, 1.0 / 25e9, 90, 310.0 / 50e12, 20.0 / 25e9, 50e12,
        "illustrative: nominal GPU-class rank (90 W idle, 400 W busy, 50 TFLOP/s fp32) on a 200 Gb/s network (5 µs, 25 GB/s, 20 W NIC)");

    /// <summary>
    /// A CPU-socket rank on a 100 Gb/s network: α = 2 µs, β = 1/(12.5 GB/s), P_idle = 60 W, P_busy = 200 W at a nominal
    /// 2 TFLOP/s fp32 (ε_flop = 70 pJ), ε_byte = 15 W / 12.5 GB/s = 1.2 nJ/B.
    /// </summary>
    public static CostPreset IllustrativeCpuCluster { get; } = new("illustrative-cpu-cluster", 2e-6, 1.0 / 12.5e9, 60, 140.0 / 2e12, 15.0 / 12.5e9, 2e12,
        "illustrative: nominal CPU-socket rank (60 W idle, 200 W busy, 2 TFLOP/s fp32) on a 100 Gb/s network (2 µs, 12.5 GB/s, 15 W NIC)");

    /// <summary>The preset called <paramref name="name"/>.</summary>
    public static CostPreset Named(string name) => name switch
    {
        "illustrative-gpu-cluster" or "gpu" => IllustrativeGpuCluster,
        "illustrative-cpu-cluster" or "cpu" => IllustrativeCpuCluster,
        _ => throw new Core.HpcKitUsageException($"unknown preset '{name}' (illustrative-gpu-cluster, illustrative-cpu-cluster)"),
    };

    /// <summary>A copy with ε_byte and P_static scaled (sensitivity sweeps).</summary>
    public CostPreset Scaled(double byteScale, double staticScale) =>
        this with { Name = $"{Name} (ε_byte×{byteScale}, P_static×{staticScale})", JoulesPerByte = JoulesPerByte * byteScale, StaticWatts = StaticWatts * staticScale };
}
