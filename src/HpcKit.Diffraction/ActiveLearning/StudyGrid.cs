namespace HpcKit.Diffraction.ActiveLearning;

/// <summary>
/// The scored (never trained on) grid of spec §5: cubic N points linearly spaced over [2.5, 5.5]; trigonal and
/// tetragonal a mesh with a as the outer index (⌊√N⌋ − 1 points over [3.5, 4.5]) and α or c as the inner index
/// (⌊√N⌋ points over its range, endpoints included), exclusions removed. Order: cubic, trigonal, tetragonal.
/// N = 4500 gives 66 × 67; N = 300 gives 16 × 17 = 272.
/// </summary>
public sealed class StudyGrid
{
    private StudyGrid(CellPoint[] points, int[] classStart)
    {
        Points = points;
        _classStart = classStart;
    }

    private readonly int[] _classStart;

    /// <summary>Grid nodes in scoring order.</summary>
    public IReadOnlyList<CellPoint> Points { get; }

    /// <summary>Number of nodes.</summary>
    public int Count => Points.Count;

    /// <summary>Number of nodes of a class.</summary>
    public int CountOf(CrystalClass cls) => cls switch
    {
        CrystalClass.Cubic => _classStart[1] - _classStart[0],
        CrystalClass.Trigonal => _classStart[2] - _classStart[1],
        _ => _classStart[3] - _classStart[2],
    };

    /// <summary>Builds the grid for a nominal <paramref name="perClass"/> count N (N ≥ 4).</summary>
    public static StudyGrid Build(int perClass)
    {
        if (perClass < 4) throw new ArgumentOutOfRangeException(nameof(perClass), perClass, "study grid needs at least 4 points per class");
        int inner = (int)Math.Floor(Math.Sqrt(perClass));
        int outer = inner - 1;
        var pts = new List<CellPoint>(perClass * 3);
        var start = new int[4];
        for (int i = 0; i < perClass; i++) pts.Add(CellPoint.Cubic(Lin(ParameterSpace.CubicAMin, ParameterSpace.CubicAMax, i, perClass)));
        start[1] = pts.Count;
        AddProduct(pts, outer, inner, ParameterSpace.AlphaMin, ParameterSpace.AlphaMax, CellPoint.Trigonal);
        start[2] = pts.Count;
        AddProduct(pts, outer, inner, ParameterSpace.CMin, ParameterSpace.CMax, CellPoint.Tetragonal);
        start[3] = pts.Count;
        return new StudyGrid([.. pts], start);
    }

    /// <summary>The valid points of an outer × inner product grid: a over its range, the second parameter over [lo, hi].</summary>
    private static void AddProduct(List<CellPoint> pts, int outer, int inner, double lo, double hi, Func<double, double, CellPoint> make)
    {
        for (int i = 0; i < outer; i++)
        {
            double a = Lin(ParameterSpace.AMin, ParameterSpace.AMax, i, outer);
            for (int j = 0; j < inner; j++)
            {
                var p = make(a, Lin(lo, hi, j, inner));
                if (ParameterSpace.IsValid(p)) pts.Add(p);
            }
        }
    }

    private static double Lin(double lo, double hi, int i, int n) => n == 1 ? lo : lo + (hi - lo) * i / (n - 1);
}
