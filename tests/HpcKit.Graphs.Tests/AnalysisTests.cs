using HpcKit.Graphs.Analysis;
using HpcKit.Graphs.Generation;
using HpcKit.Graphs.Model;
using HpcKit.Graphs.Partitioning;

namespace HpcKit.Graphs.Tests;

/// <summary>`balance` and `stats` analyses: exact totals per scheme, and statistics consistent with the model.</summary>
public class AnalysisTests
{
    [Fact]
    public void CountedBalanceAttributesEveryRowOnceAndMatchesPartitions()
    {
        var model = Instances.Model(PowerLawWeights.Create(30_000, 2.5, 10), seed: 4);
        var sink = new CountingSink(false);
        var seq = ChungLuGenerator.Generate(model, ref sink);
        const int p = 1024;
        var a = LoadBalanceAnalysis.Run(model, p, BalanceMode.Counted);
        var b = CostBalancedPartition.Sequential(model, p);
        for (int s = 0; s < 3; s++)
        {
            Assert.Equal(model.N, a.Rows[s].Sum());
            Assert.Equal(seq.Candidates, a.Candidates[s].Sum());
            Assert.Equal(seq.Edges, a.Edges[s].Sum());
            Assert.Equal(a.TotalCost, a.Cost[s].Sum(), 1e-6 * a.TotalCost);
        }
        for (int r = 0; r < p; r++)
        {
            Assert.Equal(b[r + 1] - b[r], a.Rows[(int)PartitionScheme.Ucp][r]);
            Assert.Equal(RowAssignment.Simple(PartitionScheme.Rrp, model.N, r, p).Count, a.Rows[(int)PartitionScheme.Rrp][r]);
            Assert.Equal(RowAssignment.Simple(PartitionScheme.Unp, model.N, r, p).Count, a.Rows[(int)PartitionScheme.Unp][r]);
        }
        Assert.True(LoadBalanceAnalysis.MaxOverAverage(a.Cost[0]) > 10 * LoadBalanceAnalysis.MaxOverAverage(a.Cost[2]));
    }

    [Fact]
    public void DegreeStatisticsAgreeWithTheModelOnAGeneratedGraph()
    {
        var model = Instances.Model(Instances.ShuffledPowerLaw(20_000, 2.5, 10, 0, 6), seed: 12);
        var sink = new ListSink();
        ChungLuGenerator.Generate(model, ref sink);
        var deg = new long[model.N];
        foreach (var (a, b) in sink.Edges)
        {
            deg[a]++;
            deg[b]++;
        }
        var st = new DegreeStatistics(model, deg, sink.Edges.Count);
        Assert.Equal(model.Expectations().EdgeZ(sink.Edges.Count), st.EdgeZ, 12);
        Assert.True(Math.Abs(st.EdgeZ) < Stat.ZLimit);
        Assert.True(Math.Abs(st.DegreeChiZ) < Stat.ZLimit);
        Assert.Equal(deg.Count(d => d >= st.Degrees[0]) / (double)model.N, st.EmpiricalCcdf[0], 12);
        for (int i = 1; i < st.Degrees.Length; i++) Assert.True(st.EmpiricalCcdf[i] <= st.EmpiricalCcdf[i - 1]);
        // the model CCDF tracks the empirical one where counts are large (|diff| < 0.02 while the CCDF > 0.05)
        for (int i = 0; i < st.Degrees.Length; i++)
            if (st.EmpiricalCcdf[i] > 0.05) Assert.InRange(st.ModelCcdf[i] - st.EmpiricalCcdf[i], -0.02, 0.02);
    }
}
