using System.Globalization;
using System.Security;
using System.Text;

namespace HpcKit.Core.Reporting;

/// <summary>How a series is drawn.</summary>
public enum SeriesKind
{
    Line,
    Scatter,
    LineMarkers,
}

/// <summary>
/// A self-contained SVG chart: line, scatter, log–log, error bars, shaded bands, grouped bars, labelled vertical
/// markers (e.g. reflection ticks) and Gantt-style spans; axes with ticks, labels, title and legend.
/// Build it fluently, then <see cref="Save"/> (atomic) or <see cref="ToSvg"/>.
/// </summary>
public sealed class SvgPlot
{
    private static readonly string[] Palette = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442"];
    private readonly List<Series> _series = [];
    private readonly List<BandData> _bands = [];
    private readonly List<(double X, string Label)> _markers = [];
    private readonly List<(double Value, bool Vertical, string Label)> _refLines = [];
    private readonly List<(string Name, string[] Categories, double[] Values)> _bars = [];
    private readonly List<(string Row, double X0, double X1, string Group)> _spans = [];

    public SvgPlot(string title, string xLabel, string yLabel)
    {
        Title = title;
        XLabel = xLabel;
        YLabel = yLabel;
    }

    public string Title { get; set; }
    public string XLabel { get; set; }
    public string YLabel { get; set; }
    public bool LogX { get; set; }
    public bool LogY { get; set; }
    public double? XMin { get; set; }
    public double? XMax { get; set; }
    public double? YMin { get; set; }
    public double? YMax { get; set; }
    public int Width { get; set; } = 760;
    public int Height { get; set; } = 460;

    public SvgPlot Line(string name, ReadOnlySpan<double> x, ReadOnlySpan<double> y, ReadOnlySpan<double> yErr = default) =>
        Add(name, SeriesKind.Line, x, y, yErr);

    public SvgPlot Scatter(string name, ReadOnlySpan<double> x, ReadOnlySpan<double> y) => Add(name, SeriesKind.Scatter, x, y, default);

    public SvgPlot LineMarkers(string name, ReadOnlySpan<double> x, ReadOnlySpan<double> y, ReadOnlySpan<double> yErr = default) =>
        Add(name, SeriesKind.LineMarkers, x, y, yErr);

    /// <summary>Shaded region between lo(x) and hi(x).</summary>
    public SvgPlot Band(string name, ReadOnlySpan<double> x, ReadOnlySpan<double> lo, ReadOnlySpan<double> hi)
    {
        if (x.Length != lo.Length || x.Length != hi.Length) throw new ArgumentException("band arrays differ in length");
        _bands.Add(new BandData(name, x.ToArray(), lo.ToArray(), hi.ToArray(), Palette[(_series.Count + _bands.Count) % Palette.Length]));
        return this;
    }

    /// <summary>Short labelled ticks along the bottom of the plot area at the given x positions.</summary>
    public SvgPlot Markers(IEnumerable<(double X, string Label)> markers)
    {
        _markers.AddRange(markers);
        return this;
    }

    /// <summary>A dashed reference line (horizontal at y, or vertical at x).</summary>
    public SvgPlot ReferenceLine(double value, bool vertical, string label)
    {
        _refLines.Add((value, vertical, label));
        return this;
    }

    /// <summary>A bar series over categories; several series are drawn grouped.</summary>
    public SvgPlot Bars(string name, IReadOnlyList<string> categories, ReadOnlySpan<double> values)
    {
        if (categories.Count != values.Length) throw new ArgumentException("categories and values differ in length");
        _bars.Add((name, [.. categories], values.ToArray()));
        return this;
    }

    /// <summary>A Gantt-style span [x0, x1] on row <paramref name="row"/>, coloured by <paramref name="group"/>.</summary>
    public SvgPlot Span(string row, double x0, double x1, string group)
    {
        _spans.Add((row, x0, x1, group));
        return this;
    }

    private SvgPlot Add(string name, SeriesKind kind, ReadOnlySpan<double> x, ReadOnlySpan<double> y, ReadOnlySpan<double> err)
    {
        if (x.Length != y.Length) throw new ArgumentException($"series '{name}': x has {x.Length} points, y has {y.Length}");
        if (!err.IsEmpty && err.Length != y.Length) throw new ArgumentException($"series '{name}': error bars differ in length");
        _series.Add(new Series(name, kind, x.ToArray(), y.ToArray(), err.IsEmpty ? null : err.ToArray(), Palette[(_series.Count + _bands.Count) % Palette.Length]));
        return this;
    }

    public void Save(string path) => AtomicFile.WriteAllText(path, ToSvg());

    public string ToSvg()
    {
        const double left = 80, top = 40, bottomPad = 60;
        bool hasMarkers = _markers.Count > 0;
        double right = Width - 20, bottom = Height - bottomPad - (hasMarkers ? 40 : 0);
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" font-family=\"sans-serif\" font-size=\"12\">\n");
        sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"0\" y=\"0\" width=\"{Width}\" height=\"{Height}\" fill=\"white\"/>\n");
        sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width / 2.0:F1}\" y=\"22\" text-anchor=\"middle\" font-size=\"15\" font-weight=\"bold\">{Esc(Title)}</text>\n");

        if (_bars.Count > 0) RenderBars(sb, left, top, right, bottom);
        else if (_spans.Count > 0) RenderSpans(sb, left, top, right, bottom);
        else RenderXY(sb, left, top, right, bottom);

        sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{(left + right) / 2:F1}\" y=\"{Height - 12}\" text-anchor=\"middle\">{Esc(XLabel)}</text>\n");
        sb.Append(CultureInfo.InvariantCulture, $"<text x=\"18\" y=\"{(top + bottom) / 2:F1}\" text-anchor=\"middle\" transform=\"rotate(-90 18 {(top + bottom) / 2:F1})\">{Esc(YLabel)}</text>\n");
        sb.Append("</svg>\n");
        return sb.ToString();
    }

    private void RenderXY(StringBuilder sb, double left, double top, double right, double bottom)
    {
        var xs = _series.SelectMany(s => s.X).Concat(_bands.SelectMany(b => b.X)).Concat(_markers.Select(m => m.X))
            .Concat(_refLines.Where(r => r.Vertical).Select(r => r.Value));
        var ys = _series.SelectMany(s => s.Y.Select((y, i) => y + (s.Err?[i] ?? 0)).Concat(s.Y.Select((y, i) => y - (s.Err?[i] ?? 0))))
            .Concat(_bands.SelectMany(b => b.Lo.Concat(b.Hi))).Concat(_refLines.Where(r => !r.Vertical).Select(r => r.Value));
        var (x0, x1) = Pad(Range(xs, LogX, XMin, XMax), LogX, XMin != null, XMax != null);
        var (y0, y1) = Pad(Range(ys, LogY, YMin, YMax), LogY, YMin != null, YMax != null);
        var ax = new PlotAxis(x0, x1, LogX, left, right);
        var ay = new PlotAxis(y0, y1, LogY, bottom, top);
        Frame(sb, ax, ay, left, top, right, bottom);
        sb.Append(CultureInfo.InvariantCulture, $"<clipPath id=\"plotarea\"><rect x=\"{left}\" y=\"{top}\" width=\"{right - left}\" height=\"{bottom - top}\"/></clipPath>\n<g clip-path=\"url(#plotarea)\">\n");
        foreach (var b in _bands)
        {
            var pts = new StringBuilder();
            for (int i = 0; i < b.X.Length; i++) Pt(pts, ax.Map(b.X[i]), ay.Map(b.Hi[i]));
            for (int i = b.X.Length - 1; i >= 0; i--) Pt(pts, ax.Map(b.X[i]), ay.Map(b.Lo[i]));
            sb.Append(CultureInfo.InvariantCulture, $"<polygon points=\"{pts}\" fill=\"{b.Color}\" fill-opacity=\"0.25\" stroke=\"none\"/>\n");
        }
        foreach (var s in _series)
        {
            if (s.Kind != SeriesKind.Scatter)
            {
                var pts = new StringBuilder();
                for (int i = 0; i < s.X.Length; i++) Pt(pts, ax.Map(s.X[i]), ay.Map(s.Y[i]));
                sb.Append(CultureInfo.InvariantCulture, $"<polyline points=\"{pts}\" fill=\"none\" stroke=\"{s.Color}\" stroke-width=\"1.6\"/>\n");
            }
            if (s.Kind != SeriesKind.Line || s.X.Length <= 1)
            {
                for (int i = 0; i < s.X.Length; i++)
                {
                    double px = ax.Map(s.X[i]), py = ay.Map(s.Y[i]);
                    if (double.IsFinite(px) && double.IsFinite(py))
                        sb.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{px:F2}\" cy=\"{py:F2}\" r=\"{(s.Kind == SeriesKind.Scatter ? 2.2 : 3)}\" fill=\"{s.Color}\" fill-opacity=\"0.8\"/>\n");
                }
            }
            if (s.Err != null)
            {
                for (int i = 0; i < s.X.Length; i++)
                {
                    double px = ax.Map(s.X[i]), lo = ay.Map(s.Y[i] - s.Err[i]), hi = ay.Map(s.Y[i] + s.Err[i]);
                    if (double.IsFinite(px) && double.IsFinite(lo) && double.IsFinite(hi))
                        sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{px:F2}\" y1=\"{lo:F2}\" x2=\"{px:F2}\" y2=\"{hi:F2}\" stroke=\"{s.Color}\" stroke-width=\"1.2\"/>\n");
                }
            }
        }
        foreach (var (v, vertical, label) in _refLines)
        {
            if (vertical)
            {
                double px = ax.Map(v);
                sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{px:F2}\" y1=\"{top}\" x2=\"{px:F2}\" y2=\"{bottom}\" stroke=\"#555\" stroke-dasharray=\"5,4\"/><text x=\"{px + 4:F2}\" y=\"{top + 14}\" fill=\"#555\">{Esc(label)}</text>\n");
            }
            else
            {
                double py = ay.Map(v);
                sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" y1=\"{py:F2}\" x2=\"{right}\" y2=\"{py:F2}\" stroke=\"#555\" stroke-dasharray=\"5,4\"/><text x=\"{right - 4}\" y=\"{py - 4:F2}\" text-anchor=\"end\" fill=\"#555\">{Esc(label)}</text>\n");
            }
        }
        sb.Append("</g>\n");
        if (_markers.Count > 0)
        {
            // Labels are rotated; one is drawn only when it clears the previous one by 10 px, so dense regions stay legible.
            double lastLabel = double.NegativeInfinity;
            foreach (var (x, label) in _markers.OrderBy(m => m.X))
            {
                double px = ax.Map(x);
                if (!double.IsFinite(px) || px < left || px > right) continue;
                sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{px:F2}\" y1=\"{bottom + 22}\" x2=\"{px:F2}\" y2=\"{bottom + 32}\" stroke=\"#444\"/>\n");
                if (label.Length == 0 || px - lastLabel < 10) continue;
                lastLabel = px;
                sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{px:F2}\" y=\"{bottom + 42}\" font-size=\"8\" text-anchor=\"end\" transform=\"rotate(-60 {px:F2} {bottom + 42})\">{Esc(label)}</text>\n");
            }
        }
        var pixels = _series.SelectMany(s => s.X.Zip(s.Y, (x, y) => (ax.Map(x), ay.Map(y))));
        Legend(sb, _bands.Select(b => (b.Name, b.Color)).Concat(_series.Select(s => (s.Name, s.Color))), left, top, right, bottom, pixels);
    }

    private void RenderBars(StringBuilder sb, double left, double top, double right, double bottom)
    {
        var cats = _bars[0].Categories;
        var (y0, y1) = Range(_bars.SelectMany(b => b.Values).Append(LogY ? double.NaN : 0), LogY, YMin, YMax);
        var ay = new PlotAxis(y0, y1, LogY, bottom, top);
        Frame(sb, null, ay, left, top, right, bottom);
        double slot = (right - left) / cats.Length, bw = slot * 0.8 / _bars.Count;
        for (int s = 0; s < _bars.Count; s++)
        {
            string color = Palette[s % Palette.Length];
            for (int c = 0; c < cats.Length && c < _bars[s].Values.Length; c++)
            {
                double v = _bars[s].Values[c];
                double py = ay.Map(v), base0 = LogY ? bottom : ay.Map(0);
                if (!double.IsFinite(py)) continue;
                double x = left + c * slot + slot * 0.1 + s * bw;
                sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x:F2}\" y=\"{Math.Min(py, base0):F2}\" width=\"{bw:F2}\" height=\"{Math.Abs(base0 - py):F2}\" fill=\"{color}\"><title>{Esc(_bars[s].Name)} {Esc(cats[c])}: {v.ToString("G4", CultureInfo.InvariantCulture)}</title></rect>\n");
            }
        }
        for (int c = 0; c < cats.Length; c++)
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{left + (c + 0.5) * slot:F2}\" y=\"{bottom + 16}\" text-anchor=\"middle\">{Esc(cats[c])}</text>\n");
        Legend(sb, _bars.Select((b, i) => (b.Name, Palette[i % Palette.Length])), left, top, right, bottom, []);
    }

    private void RenderSpans(StringBuilder sb, double left, double top, double right, double bottom)
    {
        var rows = _spans.Select(s => s.Row).Distinct().ToList();
        var groups = _spans.Select(s => s.Group).Distinct().ToList();
        double x1 = XMax ?? _spans.Max(s => s.X1), x0 = XMin ?? Math.Min(0, _spans.Min(s => s.X0));
        // Bars fill every row, so the legend gets its own column to the right of the plot area.
        double legendWidth = Math.Min(260, 30 + 7 * groups.Max(g => g.Length)), fullRight = right;
        right -= legendWidth + 16;
        var ax = new PlotAxis(x0, x1, false, left + 60, right);
        Frame(sb, ax, null, left + 60, top, right, bottom);
        double h = (bottom - top) / rows.Count;
        for (int r = 0; r < rows.Count; r++)
            sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{left + 55}\" y=\"{top + (r + 0.5) * h + 4:F2}\" text-anchor=\"end\">{Esc(rows[r])}</text>\n");
        foreach (var (row, s0, s1, g) in _spans)
        {
            int r = rows.IndexOf(row);
            string color = Palette[groups.IndexOf(g) % Palette.Length];
            double px0 = ax.Map(s0), px1 = ax.Map(s1);
            sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{px0:F2}\" y=\"{top + r * h + h * 0.15:F2}\" width=\"{Math.Max(0.5, px1 - px0):F2}\" height=\"{h * 0.7:F2}\" fill=\"{color}\"><title>{Esc(g)}: {s0.ToString("G4", CultureInfo.InvariantCulture)}–{s1.ToString("G4", CultureInfo.InvariantCulture)}</title></rect>\n");
        }
        Legend(sb, groups.Select((g, i) => (g, Palette[i % Palette.Length])), right + 16, top, fullRight + 8, bottom, []);
    }

    private void Frame(StringBuilder sb, PlotAxis? ax, PlotAxis? ay, double left, double top, double right, double bottom)
    {
        sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{left}\" y=\"{top}\" width=\"{right - left}\" height=\"{bottom - top}\" fill=\"none\" stroke=\"#333\"/>\n");
        if (ax != null)
        {
            foreach (var (v, label) in ax.Ticks())
            {
                double px = ax.Map(v);
                sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{px:F2}\" y1=\"{top}\" x2=\"{px:F2}\" y2=\"{bottom}\" stroke=\"#e4e4e4\"/><line x1=\"{px:F2}\" y1=\"{bottom}\" x2=\"{px:F2}\" y2=\"{bottom + 5}\" stroke=\"#333\"/>\n");
                sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{px:F2}\" y=\"{bottom + 18}\" text-anchor=\"middle\">{Esc(label)}</text>\n");
            }
        }
        if (ay != null)
        {
            foreach (var (v, label) in ay.Ticks())
            {
                double py = ay.Map(v);
                sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" y1=\"{py:F2}\" x2=\"{right}\" y2=\"{py:F2}\" stroke=\"#e4e4e4\"/><line x1=\"{left - 5}\" y1=\"{py:F2}\" x2=\"{left}\" y2=\"{py:F2}\" stroke=\"#333\"/>\n");
                sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{left - 8}\" y=\"{py + 4:F2}\" text-anchor=\"end\">{Esc(label)}</text>\n");
            }
        }
    }

    /// <summary>The legend box, in whichever corner of the plot area covers the fewest data points.</summary>
    private static void Legend(StringBuilder sb, IEnumerable<(string Name, string Color)> entries, double left, double top, double right, double bottom,
        IEnumerable<(double X, double Y)> points)
    {
        var list = entries.Where(e => e.Name.Length > 0).ToList();
        if (list.Count == 0) return;
        double w = Math.Min(260, 30 + 7 * list.Max(e => e.Name.Length)), h = list.Count * 17 + 6;
        var corners = new[] { (right - w - 8, top + 8.0), (left + 8, top + 8.0), (right - w - 8, bottom - h - 4), (left + 8, bottom - h - 4) };
        var pts = points.ToList();
        var (x, y) = corners.OrderBy(c => pts.Count(p => p.X >= c.Item1 - 4 && p.X <= c.Item1 + w + 4 && p.Y >= c.Item2 - 8 && p.Y <= c.Item2 + h + 4)).First();
        y += 4;
        sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x:F1}\" y=\"{y - 4}\" width=\"{w:F1}\" height=\"{list.Count * 17 + 6}\" fill=\"white\" fill-opacity=\"0.85\" stroke=\"#bbb\"/>\n");
        for (int i = 0; i < list.Count; i++)
        {
            double ly = y + 8 + i * 17;
            sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x + 6:F1}\" y=\"{ly - 5:F1}\" width=\"14\" height=\"8\" fill=\"{list[i].Color}\"/><text x=\"{x + 26:F1}\" y=\"{ly + 3:F1}\">{Esc(list[i].Name)}</text>\n");
        }
    }

    private static (double, double) Range(IEnumerable<double> values, bool log, double? min, double? max)
    {
        double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
        foreach (var v in values)
        {
            if (!double.IsFinite(v) || (log && v <= 0)) continue;
            lo = Math.Min(lo, v);
            hi = Math.Max(hi, v);
        }
        if (double.IsInfinity(lo)) (lo, hi) = log ? (1, 10) : (0, 1);
        return (min ?? lo, max ?? hi);
    }

    /// <summary>Widens a data range by 4% on each side not fixed by the caller (in log space for log axes).</summary>
    private static (double, double) Pad((double Lo, double Hi) r, bool log, bool fixedLo, bool fixedHi)
    {
        if (log)
        {
            double a = Math.Log10(r.Lo), b = Math.Log10(r.Hi), d = Math.Max(b - a, 0.1) * 0.04;
            return (fixedLo ? r.Lo : Math.Pow(10, a - d), fixedHi ? r.Hi : Math.Pow(10, b + d));
        }
        double pad = (r.Hi > r.Lo ? r.Hi - r.Lo : Math.Max(Math.Abs(r.Lo), 1)) * 0.04;
        return (fixedLo ? r.Lo : r.Lo - pad, fixedHi ? r.Hi : r.Hi + pad);
    }

    private static void Pt(StringBuilder sb, double x, double y)
    {
        if (double.IsFinite(x) && double.IsFinite(y)) sb.Append(CultureInfo.InvariantCulture, $"{x:F2},{y:F2} ");
    }

    private static string Esc(string s) => SecurityElement.Escape(s) ?? "";

    private sealed record Series(string Name, SeriesKind Kind, double[] X, double[] Y, double[]? Err, string Color);

    private sealed record BandData(string Name, double[] X, double[] Lo, double[] Hi, string Color);
}
