namespace HpcKit.Phantom.Training;

/// <summary>
/// N(ℓ*) of spec §8: the first evaluation at or below ℓ* whose successor is also at or below it; null ("not reached")
/// otherwise, never imputed.
/// </summary>
public static class StoppingRule
{
    /// <summary>Index into <paramref name="losses"/> of N(ℓ*), or −1.</summary>
    public static int IndexOfTarget(IReadOnlyList<double> losses, double target)
    {
        ArgumentNullException.ThrowIfNull(losses);
        for (int i = 0; i + 1 < losses.Count; i++)
            if (losses[i] <= target && losses[i + 1] <= target) return i;
        return -1;
    }

    /// <summary>ℓ*: the median of the reference runs' validation loss at 80% of the budget (nearest evaluation at or before).</summary>
    public static double TargetFrom(IReadOnlyList<IReadOnlyList<Evaluation>> referenceRuns, int steps)
    {
        ArgumentNullException.ThrowIfNull(referenceRuns);
        int at = (int)(0.8 * steps);
        var v = referenceRuns.Select(r => r.Last(e => e.Step <= at).ValidationLoss).Order().ToArray();
        return v.Length % 2 == 1 ? v[v.Length / 2] : 0.5 * (v[v.Length / 2 - 1] + v[v.Length / 2]);
    }
}
