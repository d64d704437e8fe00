using System.Globalization;
using HpcKit.Core.Reporting;
using HpcKit.Sparse.IO;
using HpcKit.Sparse.Storage;

namespace HpcKit.Sparse.Generators;

/// <summary>
/// Writes emitted KKT systems as Matrix Market files — A_kkkk.mtx (symmetric lower triangle, explicit zeros),
/// b_kkkk.mtx, x_kkkk.mtx (reference solution), ones_b_kkkk.mtx (b = A·1) — and sequence.csv on <see cref="Finish"/>.
/// </summary>
public sealed class KktSequenceWriter
{
    private readonly string _dir;
    private readonly CsvTable _csv = new("k", "iteration", "retry", "mu", "delta_w", "delta_c", "kkt_error", "condition_estimate", "n", "nnz", "last");

    public KktSequenceWriter(string directory)
    {
        _dir = directory;
        Directory.CreateDirectory(directory);
    }

    public int Written { get; private set; }

    public void Write(KktSystem s)
    {
        ArgumentNullException.ThrowIfNull(s);
        string k = s.Index.ToString("D4", CultureInfo.InvariantCulture);
        string[] id = [$"ID: {s.Index}"];
        MatrixMarketWriter.WriteMatrix(Path.Combine(_dir, $"A_{k}.mtx"), s.Lower, symmetric: true, id);
        MatrixMarketWriter.WriteVector(Path.Combine(_dir, $"b_{k}.mtx"), s.Rhs, id);
        MatrixMarketWriter.WriteVector(Path.Combine(_dir, $"x_{k}.mtx"), s.Reference, id);
        var full = CscMatrix.ExpandLowerSymmetric(s.Lower);
        var ones = new double[full.Columns];
        Array.Fill(ones, 1.0);
        var b1 = new double[full.Rows];
        full.Multiply(ones, b1);
        MatrixMarketWriter.WriteVector(Path.Combine(_dir, $"ones_b_{k}.mtx"), b1, id);
        _csv.Add(s.Index, s.Iteration, s.Retry, s.Mu, s.DeltaW, s.DeltaC, s.KktError, s.ConditionEstimate, full.Rows, full.Nnz, s.Last ? 1 : 0);
        Written++;
    }

    /// <summary>Writes sequence.csv.</summary>
    public void Finish() => _csv.Save(Path.Combine(_dir, "sequence.csv"));
}
