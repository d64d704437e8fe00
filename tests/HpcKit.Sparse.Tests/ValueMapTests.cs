using HpcKit.Sparse.Factorization;
using HpcKit.Sparse.IO;
using HpcKit.Sparse.Sequence;

namespace HpcKit.Sparse.Tests;

public class ValueMapTests
{
    [Fact]
    public void LowerTriangleTripletsMapToFullStorageWithShifts()
    {
        var d = MatrixMarketReader.Read(SharedData.Path(SharedData.Activ2));
        var full = d.ExpandSymmetric();
        var solver = new SequenceSolver(FactorizationTests.Load(SharedData.Activ1));
        var map = solver.CreateValueMap(d.RowIndices, d.ColumnIndices, symmetricLower: true);
        solver.SetValues(map, d.Values);
        Assert.Equal(full.Values, solver.Matrix.Values);
        var shift = new double[full.Rows];
        shift[5] = 1e-8;
        shift[4000] = -2.5;
        solver.SetValues(map, d.Values, shift);
        int slot5 = Array.BinarySearch(full.RowIdx, full.ColPtr[5], full.ColPtr[6] - full.ColPtr[5], 5);
        int slot4000 = Array.BinarySearch(full.RowIdx, full.ColPtr[4000], full.ColPtr[4001] - full.ColPtr[4000], 4000);
        Assert.Equal(full.Values[slot5] + 1e-8, solver.Matrix.Values[slot5]);
        Assert.Equal(full.Values[slot4000] - 2.5, solver.Matrix.Values[slot4000]);
        Assert.Throws<PatternMismatchException>(() => solver.CreateValueMap([0], [4643], symmetricLower: false));
    }
}
