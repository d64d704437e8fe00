namespace HpcKit.Graphs.Model;

/// <summary>
/// The unique relabelling of spec §2.3: weight descending, ties to the smaller original id. Already sorted input
/// costs one O(n) check and stores no id map; integer weights with max ≤ 4n use a counting sort, O(n + max);
/// others a comparison sort on (−w, id).
/// </summary>
internal static class WeightOrder
{
    public static (double[] Sorted, int[]? Ids) Sort(ReadOnlySpan<double> weights)
    {
        int n = weights.Length;
        var w = weights.ToArray();
        bool sorted = true, integral = true;
        double max = 0;
        for (int i = 0; i < n; i++)
        {
            double x = w[i];
            if (i > 0 && x > w[i - 1]) sorted = false;
            if (x != Math.Floor(x)) integral = false;
            if (x > max) max = x;
        }
        if (sorted) return (w, null);
        var ids = new int[n];
        if (integral && max <= 4.0 * n) CountingSort(w, ids, (int)max);
        else ComparisonSort(w, ids);
        return (w, ids);
    }

    private static void CountingSort(double[] w, int[] ids, int max)
    {
        int n = w.Length;
        var count = new int[max + 2];
        for (int i = 0; i < n; i++) count[max - (int)w[i] + 1]++;
        for (int k = 1; k < count.Length; k++) count[k] += count[k - 1];
        var src = (double[])w.Clone();
        for (int i = 0; i < n; i++)
        {
            int pos = count[max - (int)src[i]]++;
            ids[pos] = i;
            w[pos] = src[i];
        }
    }

    private static void ComparisonSort(double[] w, int[] ids)
    {
        int n = w.Length;
        var keys = new double[n];
        for (int i = 0; i < n; i++)
        {
            keys[i] = -w[i];
            ids[i] = i;
        }
        Array.Sort(keys, ids);
        // the sort is not stable: restore id order inside runs of equal weight
        int start = 0;
        for (int i = 1; i <= n; i++)
        {
            if (i == n || keys[i] != keys[start])
            {
                if (i - start > 1) Array.Sort(ids, start, i - start);
                start = i;
            }
        }
        for (int i = 0; i < n; i++) w[i] = -keys[i];
    }
}
