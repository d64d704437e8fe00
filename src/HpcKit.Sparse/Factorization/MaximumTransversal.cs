using HpcKit.Sparse.Storage;

namespace HpcKit.Sparse.Factorization;

/// <summary>
/// Maximum transversal of a sparse pattern (Duff 1981, "On algorithms for obtaining a maximum transversal", ACM
/// TOMS 7(3)): a largest set of nonzeros with no two in one row or column, found by depth-first augmenting paths
/// with a cheap-assignment look-ahead. Its size is the structural rank: a matrix whose structural rank is below n
/// is singular for every choice of values. Diagnostic only (spec §3.2): nothing is permuted. O(n·nnz) worst case,
/// near-linear on the usual sparse matrices; iterative, so deep paths cannot overflow the stack.
/// </summary>
public static class MaximumTransversal
{
    /// <summary>The number of matched columns: the structural rank of <paramref name="a"/>.</summary>
    public static int StructuralRank(CscMatrix a) => Match(a, out _);

    /// <summary>
    /// Matches columns to rows; <paramref name="rowOfColumn"/>[j] is the row matched to column j, or −1 when column j
    /// is unmatched. Returns the number of matched columns.
    /// </summary>
    public static int Match(CscMatrix a, out int[] rowOfColumn)
    {
        ArgumentNullException.ThrowIfNull(a);
        int m = a.Rows, n = a.Columns;
        int[] cp = a.ColPtr, ri = a.RowIdx;
        var colOfRow = new int[m];
        Array.Fill(colOfRow, -1);
        rowOfColumn = new int[n];
        Array.Fill(rowOfColumn, -1);
        var cheap = new int[n];     // next entry of column j for the cheap (unmatched row) look-ahead
        var visited = new int[n];   // column j was visited during the search started from column visited[j]
        Array.Fill(visited, -1);
        var stack = new int[n];     // columns on the current path
        var next = new int[n];      // next entry to try in each path column
        for (int j = 0; j < n; j++) cheap[j] = cp[j];
        int matched = 0;
        for (int start = 0; start < n; start++)
        {
            int head = 0;
            stack[0] = start;
            next[0] = cp[start];
            visited[start] = start;
            int freeRow = -1;
            while (head >= 0 && freeRow < 0)
            {
                int j = stack[head];
                // look-ahead: an unmatched row in column j ends the path at once
                for (int p = cheap[j]; p < cp[j + 1]; p++)
                {
                    cheap[j] = p + 1;
                    if (colOfRow[ri[p]] < 0) { freeRow = ri[p]; break; }
                }
                if (freeRow >= 0) break;
                // otherwise continue the path through the column matched to one of j's rows
                int child = -1;
                for (int p = next[head]; p < cp[j + 1]; p++)
                {
                    int c = colOfRow[ri[p]];
                    if (visited[c] == start) continue;
                    next[head] = p + 1;
                    child = c;
                    break;
                }
                if (child < 0) { head--; continue; }
                visited[child] = start;
                stack[++head] = child;
                next[head] = cp[child];
            }
            if (freeRow < 0) continue;
            // augment along the path: column stack[t] takes the row that column stack[t + 1] gives up
            int row = freeRow;
            for (int t = head; t >= 0; t--)
            {
                int j = stack[t];
                int previous = rowOfColumn[j];
                rowOfColumn[j] = row;
                colOfRow[row] = j;
                row = previous;
            }
            matched++;
        }
        return matched;
    }
}
