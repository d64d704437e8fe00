using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace HpcKit.Diffraction.Profiles;

/// <summary>
/// Batches peaks before drawing them with a <see cref="TofKernelTable"/>: each peak only splits its intensity
/// between its two neighbouring (bin, phase) cells; <see cref="Flush"/> then adds one kernel row per non-empty cell.
/// Cost = 64 FMAs per non-empty cell instead of 128 per peak, so where peaks crowd (small d: up to ~16 per bin) a bin
/// costs at most 17 rows however many peaks it holds. One instance per thread.
/// </summary>
public sealed class KernelAccumulator
{
    private const int Rows = TofKernelTable.Phases + 1;
    private readonly TofKernelTable _table;
    private readonly float[] _w;
    private readonly int[] _touched;
    private readonly bool[] _isTouched;
    private int _nTouched;

    public KernelAccumulator(TofKernelTable table)
    {
        _table = table;
        int nb = table.Grid.Count + 2 * TofKernelTable.Extension;
        _w = new float[nb * Rows];
        _touched = new int[nb];
        _isTouched = new bool[nb];
    }

    public TofKernelTable Table => _table;

    /// <summary>Records a peak at fractional bin <paramref name="pos"/> (caller guarantees Table.Covers(pos)).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(double pos, float intensity)
    {
        int i = (int)Math.Floor(pos);
        double pf = (pos - i) * TofKernelTable.Phases;
        int p = (int)pf;
        if (p >= TofKernelTable.Phases) p = TofKernelTable.Phases - 1;
        float w = (float)(pf - p);
        int b = i + TofKernelTable.Extension;
        if (!_isTouched[b])
        {
            _isTouched[b] = true;
            _touched[_nTouched++] = b;
        }
        float c1 = intensity * w;
        ref float cell = ref _w[b * Rows + p];
        cell += intensity - c1;
        Unsafe.Add(ref cell, 1) += c1;
    }

    /// <summary>Draws every recorded peak into <paramref name="padded"/> (length ≥ Table.BufferLength) and resets.</summary>
    public void Flush(Span<float> padded)
    {
        if (padded.Length < _table.BufferLength) throw new ArgumentException("accumulation buffer too short", nameof(padded));
        ref float y0 = ref MemoryMarshal.GetReference(padded);
        for (int t = 0; t < _nTouched; t++)
        {
            int b = _touched[t];
            _isTouched[b] = false;
            int i = b - TofKernelTable.Extension;
            ref float y = ref Unsafe.Add(ref y0, i + _table.Start(i) + TofKernelTable.Pad);
            for (int p = 0; p < Rows; p++)
            {
                ref float wc = ref _w[b * Rows + p];
                float c = wc;
                if (c == 0) continue;
                wc = 0;
                ref float r = ref _table.Row(b, p);
                if (Vector256.IsHardwareAccelerated)
                {
                    var v = Vector256.Create(c);
                    for (nuint m = 0; m < TofKernelTable.Width; m += 8)
                        Vector256.FusedMultiplyAdd(v, Vector256.LoadUnsafe(ref r, m), Vector256.LoadUnsafe(ref y, m)).StoreUnsafe(ref y, m);
                }
                else
                {
                    for (nuint m = 0; m < TofKernelTable.Width; m++) Unsafe.Add(ref y, m) += c * Unsafe.Add(ref r, m);
                }
            }
        }
        _nTouched = 0;
    }
}
