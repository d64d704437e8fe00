using HpcKit.Sparse.Factorization;
using HpcKit.Sparse.IO;
using HpcKit.Sparse.Ordering;
using HpcKit.Sparse.Solvers;
using HpcKit.Sparse.Storage;

namespace HpcKit.Sparse.Tests;

public class FactorizationTests
{
    public static TheoryData<string> SharedMatrices() => new()
    {
        SharedData.Activ1, SharedData.Activ2, "A_symmetric01.mtx", "A_symmetric02.mtx", "A_spd01.mtx", "A_spd02.mtx", "A_asymmetric01.mtx", "A_asymmetric02.mtx",
    };

    internal static CscMatrix Load(string file) => MatrixMarketReader.Read(SharedData.Path(file)).ExpandSymmetric();

    /// <summary>‖P R A Q − L U‖₁ / ‖|L||U|‖₁ (R = I without row scaling) computed column by column with dense work vectors.</summary>
    internal static double FactorizationResidual(CscMatrix a, LuFactors f)
    {
        int n = f.N;
        var lu = new double[n];
        var abs = new double[n];
        double maxRes = 0, maxAbs = 0;
        for (int k = 0; k < n; k++)
        {
            Array.Clear(lu);
            Array.Clear(abs);
            // column k of L U = Σ_i L(:, i) U(i, k), with unit diagonal
            for (int t = f.U.ColPtr[k]; t < f.U.ColPtr[k + 1]; t++)
            {
                int i = f.U.RowIdx[t];
                double u = f.U.Values[t];
                lu[i] += u;
                abs[i] += Math.Abs(u);
                for (int s = f.L.ColPtr[i]; s < f.L.ColPtr[i + 1]; s++)
                {
                    lu[f.L.RowIdx[s]] += f.L.Values[s] * u;
                    abs[f.L.RowIdx[s]] += Math.Abs(f.L.Values[s] * u);
                }
            }
            int j = f.Q[k];
            for (int t = a.ColPtr[j]; t < a.ColPtr[j + 1]; t++) lu[f.PInverse[a.RowIdx[t]]] -= a.Values[t] * (f.RowScale?[a.RowIdx[t]] ?? 1.0);
            double cr = 0, ca = 0;
            for (int i = 0; i < n; i++) { cr += Math.Abs(lu[i]); ca += abs[i]; }
            maxRes = Math.Max(maxRes, cr);
            maxAbs = Math.Max(maxAbs, ca);
        }
        return maxRes / maxAbs;
    }

    [Theory]
    [MemberData(nameof(SharedMatrices))]
    public void FactorizationIdentityHoldsOnSharedMatrices(string file)
    {
        var a = Load(file);
        foreach (var kind in new[] { OrderingKind.Colamd, OrderingKind.Amd })
        {
            var sym = SymbolicAnalysis.Analyze(a, kind);
            var f = LUFactorization.Factorize(a, sym.Q);
            Assert.Equal(FactorStatus.Ok, f.Status);
            Assert.True(FactorizationResidual(a, f) <= 1e-13, $"{file} {kind}: residual {FactorizationResidual(a, f)}");
            // pattern invariants: L strictly lower, U upper with diagonal last
            for (int k = 0; k < f.N; k++)
            {
                for (int t = f.L.ColPtr[k]; t < f.L.ColPtr[k + 1]; t++) Assert.True(f.L.RowIdx[t] > k);
                Assert.Equal(k, f.U.RowIdx[f.U.ColPtr[k + 1] - 1]);
            }
            Assert.Null(f.L.Validate());
            Assert.Null(f.U.Validate());
        }
    }
}
