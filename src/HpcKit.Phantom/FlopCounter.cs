namespace HpcKit.Phantom;

/// <summary>
/// Counts GEMM FLOPs (2·M·N·K per product) as they are issued, one counter per rank. Elementwise work is not counted,
/// following the spec's convention.
/// </summary>
public sealed class FlopCounter
{
    /// <summary>GEMM FLOPs counted so far.</summary>
    public long Gemm { get; private set; }

    /// <summary>Adds one M×K by K×N product.</summary>
    public void AddGemm(int m, int n, int k) => Gemm += 2L * m * n * k;

    /// <summary>Clears the counter.</summary>
    public void Reset() => Gemm = 0;
}
