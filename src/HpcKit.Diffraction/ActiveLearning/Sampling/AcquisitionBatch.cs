namespace HpcKit.Diffraction.ActiveLearning;

/// <summary>The new parameter points of one round, with the bookkeeping the reports need.</summary>
public sealed record AcquisitionBatch(int Round, string Policy, CellPoint[] Points, int Requested, int Rejected, ScoreDiagnostics? Scores)
{
    /// <summary>Accepted points per class (trigonal, tetragonal, cubic).</summary>
    public int[] ClassCounts()
    {
        var c = new int[3];
        foreach (var p in Points) c[(int)p.Class]++;
        return c;
    }
}
