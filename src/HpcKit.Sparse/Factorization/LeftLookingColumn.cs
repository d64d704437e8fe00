using System.Runtime.CompilerServices;
using HpcKit.Sparse.Kernels;

namespace HpcKit.Sparse.Factorization;

/// <summary>
/// The steps of one column of the left-looking Gilbert–Peierls factorization, each a small non-inlined method so
/// that the JIT keeps its loop variables in registers (see <see cref="SparseKernels"/>). Row indices of L are
/// original rows during the factorization; pinv maps a row to its pivot step (−1 while unpivoted).
/// </summary>
internal static unsafe class LeftLookingColumn
{
    /// <summary>
    /// Nonzero set of L \ A(:, j) by depth-first search in the graph of L from the rows <paramref name="arow"/>,
    /// written to xi[top .. n) in topological order; returns top. Rows get mark = k when pushed. L(:, s) is searched up
    /// to lpend[s] when it was pruned (≥ 0), else whole. stack, next and end are scratch of length n: per stack level
    /// the row, the next entry of its column of L to look at, and where that column's search ends.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    public static int Reach(int k, int n, int* arow, int alen, int* li, int* lp, int* lpend, int* pinv, int* mark, int* stack, int* next, int* end, int* xi)
    {
        int top = n;
        for (int t = 0; t < alen; t++)
        {
            int r = arow[t];
            if (mark[r] == k) continue;
            int head = 0;
            Push(r, 0, k, lp, lpend, pinv, mark, stack, next, end);
            while (head >= 0)
            {
                int pp = next[head], e = end[head];
                int child = -1;
                while (pp < e)
                {
                    int c = li[pp++];
                    if (mark[c] != k) { child = c; break; }
                }
                if (child >= 0)
                {
                    next[head] = pp;
                    Push(child, ++head, k, lp, lpend, pinv, mark, stack, next, end);
                }
                else xi[top = top - 1] = stack[head--];
            }
        }
        return top;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Push(int row, int level, int k, int* lp, int* lpend, int* pinv, int* mark, int* stack, int* next, int* end)
    {
        mark[row] = k;
        stack[level] = row;
        int s = pinv[row];
        if (s < 0) { next[level] = 0; end[level] = 0; }
        else { next[level] = lp[s]; end[level] = lpend[s] >= 0 ? lpend[s] : lp[s + 1]; }
    }

    /// <summary>
    /// Sparse triangular solve over the reach xi[top .. n): a pivoted row's value is final when reached (topological
    /// order), so it is appended to U (pivot step, value) at ui/ux[unz], cleared in x, and its column of L applied.
    /// Unpivoted rows are compacted to xi[top .. returned index). Adds the multiply-adds to <paramref name="updates"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    public static int SolveOverReach(double* x, int* xi, int top, int n, int* pinv, int* lp, int* li, double* lx, int* ui, double* ux,
        ref int unz, ref long updates, out double umax)
    {
        int cand = top, w = unz;
        long upd = 0;
        double um = 0;
        for (int t = top; t < n; t++)
        {
            int r = xi[t];
            int s = pinv[r];
            if (s < 0) { xi[cand++] = r; continue; }
            double xr = x[r];
            x[r] = 0;
            um = Math.Max(um, Math.Abs(xr));
            ui[w] = s;
            ux[w++] = xr;
            int l0 = lp[s], len = lp[s + 1] - l0;
            SparseKernels.Axpy(x, li + l0, lx + l0, len, xr);
            upd += len;
        }
        unz = w;
        updates += upd;
        umax = um;
        return cand;
    }

    /// <summary>
    /// Largest |x| among the candidate rows xi[top .. cand) (the first in that order on ties); −1 when there are none.
    /// Reports whether the preferred row <paramref name="j"/> is a candidate.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    public static int ChoosePivot(double* x, int* xi, int top, int cand, int j, out double amax, out bool diagCandidate)
    {
        double best = -1;
        int ipiv = -1;
        bool diag = false;
        for (int t = top; t < cand; t++)
        {
            int r = xi[t];
            if (r == j) diag = true;
            double v = Math.Abs(x[r]);
            if (v > best) { best = v; ipiv = r; }
        }
        amax = best;
        diagCandidate = diag;
        return ipiv;
    }

    /// <summary>Appends the candidates other than the pivot row to L as x[r] / piv at li/lx[lnz]; clears x. Returns the new lnz.</summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    public static int StoreL(double* x, int* xi, int top, int cand, int ipiv, double piv, int* li, double* lx, int lnz)
    {
        for (int t = top; t < cand; t++)
        {
            int r = xi[t];
            if (r != ipiv) { li[lnz] = r; lx[lnz++] = x[r] / piv; }
            x[r] = 0;
        }
        return lnz;
    }

    /// <summary>
    /// Symmetric pruning (Eisenstat–Liu 1993) after pivot row <paramref name="ipiv"/> of step k: for every U(s, k) ≠ 0
    /// (the off-diagonal rows ui[u0 .. u1)) whose L(:, s) holds ipiv, the pivoted rows of L(:, s) are moved to its
    /// front and lpend[s] marks their end: the unpivoted ones are reachable through column k, so the DFS may skip
    /// them. Numeric work still uses all of L(:, s).
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    public static void Prune(int* ui, int u0, int u1, int ipiv, int* lp, int* li, double* lx, int* lpend, int* pinv)
    {
        for (int t = u0; t < u1; t++)
        {
            int s = ui[t];
            if (lpend[s] >= 0) continue;
            int e0 = lp[s], e1 = lp[s + 1];
            bool has = false;
            for (int pp = e0; pp < e1; pp++) if (li[pp] == ipiv) { has = true; break; }
            if (!has) continue;
            int head = e0, tail = e1;
            while (head < tail)
            {
                if (pinv[li[head]] >= 0) head++;
                else
                {
                    tail--;
                    (li[head], li[tail]) = (li[tail], li[head]);
                    (lx[head], lx[tail]) = (lx[tail], lx[head]);
                }
            }
            lpend[s] = head;
        }
    }
}
