namespace HpcKit.LightFront.Eigen;

/// <summary>Lowest eigenpairs from <see cref="Lanczos"/>: values ascending, vectors row-major, iterations used.</summary>
public sealed record LanczosResult(double[] Values, double[] Vectors, int N, int Iterations, bool Converged)
{
    /// <summary>Eigenvector j.</summary>
    public ReadOnlySpan<double> Vector(int j) => Vectors.AsSpan(j * N, N);
}
