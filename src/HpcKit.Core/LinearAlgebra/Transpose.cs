namespace HpcKit.Core.LinearAlgebra;

/// <summary>Whether a GEMM/GEMV operand is used as stored or transposed.</summary>
public enum Transpose
{
    No,
    Yes,
}
