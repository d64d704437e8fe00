namespace HpcKit.Neural;

/// <summary>How <see cref="Conv1d{T}"/> computes: im2col + GEMM, a direct SIMD kernel, or chosen by shape.</summary>
public enum Conv1dAlgorithm
{
    /// <summary>Direct when stride is 1 and C·K ≤ 16 (few, long FMA passes beat a k ≤ 16 GEMM plus its copies), else im2col + GEMM.</summary>
    Auto,

    /// <summary>im2col then one GEMM over the batch.</summary>
    Im2colGemm,

    /// <summary>Direct kernel: one vectorised multiply-add pass per (input channel, tap); stride 1 only.</summary>
    Direct,
}
