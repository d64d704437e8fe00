namespace HpcKit.LightFront.Basis;

/// <summary>Galerkin eigenpairs: values, coefficient rows, the basis columns on the grid and the backend.</summary>
public sealed class GalerkinResult
{
    private readonly double[] _coef;
    private readonly List<double[]> _cols;

    internal GalerkinResult(double[] values, double[] coef, List<double[]> cols, int dim, string backend)
    {
        Values = values;
        _coef = coef;
        _cols = cols;
        Dimension = dim;
        Backend = backend;
    }

    /// <summary>Eigenvalues, ascending.</summary>
    public double[] Values { get; }

    /// <summary>Basis size.</summary>
    public int BasisSize => _cols.Count;

    /// <summary>Grid dimension.</summary>
    public int Dimension { get; }

    /// <summary>Eigensolver backend.</summary>
    public string Backend { get; }

    /// <summary>State j as a grid vector (B c).</summary>
    public double[] GridVector(int j)
    {
        var v = new double[Dimension];
        for (int n = 0; n < _cols.Count; n++) System.Numerics.Tensors.TensorPrimitives.FusedMultiplyAdd(_cols[n], _coef[j * _cols.Count + n], v, v);
        return v;
    }
}
