namespace HpcKit.Core.LinearAlgebra;

/// <summary>
/// Eigenpairs of a symmetric (or symmetric-definite) problem, eigenvalues ascending. Eigenvector j is row j
/// of <see cref="Vectors"/> (length <see cref="N"/>); for the generalised problem the vectors are B-orthonormal.
/// </summary>
public sealed class EigenDecomposition
{
    public EigenDecomposition(int n, double[] values, double[] vectors, string backend)
    {
        N = n;
        Values = values;
        Vectors = vectors;
        Backend = backend;
    }

    /// <summary>Dimension of the problem.</summary>
    public int N { get; }

    /// <summary>Eigenvalues, ascending (only the requested lowest ones when a count was given).</summary>
    public double[] Values { get; }

    /// <summary>Row-major, one eigenvector per row.</summary>
    public double[] Vectors { get; }

    /// <summary>"LAPACK dsyevr", "LAPACK dsygvd" or "managed Jacobi".</summary>
    public string Backend { get; }

    /// <summary>Eigenvector j.</summary>
    public ReadOnlySpan<double> Vector(int j) => Vectors.AsSpan(j * N, N);
}
