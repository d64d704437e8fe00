using System.Globalization;
using HpcKit.Core;

namespace HpcKit.Sparse.IO;

/// <summary>
/// Tolerant Matrix Market reader (NIST IR 5935): coordinate and array; real, double, integer, pattern; general and
/// symmetric. Comments and blank lines are skipped anywhere; explicit zeros kept; Fortran `D` exponents, inf and nan
/// accepted. Errors are <see cref="HpcKitDataException"/> with the 1-based line number, the text and what was expected.
/// </summary>
public static class MatrixMarketReader
{
    /// <summary>Reads a file.</summary>
    public static MatrixMarketData Read(string path, bool strict = false)
    {
        if (!File.Exists(path)) throw new HpcKitDataException(path, 0, "file not found");
        using var reader = new StreamReader(path);
        return Read(reader, path, strict);
    }

    /// <summary>Reads from text. In <paramref name="strict"/> mode duplicate coordinate entries are rejected.</summary>
    public static MatrixMarketData Read(TextReader reader, string source, bool strict = false)
    {
        ArgumentNullException.ThrowIfNull(reader);
        long line = 0;
        string? text = reader.ReadLine();
        line++;
        if (text == null) throw new HpcKitDataException(source, 1, "empty file: expected a '%%MatrixMarket matrix ...' banner");
        var warnings = new List<string>();
        var tok = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (tok.Length < 3 || !tok[0].Equals("%%MatrixMarket", StringComparison.OrdinalIgnoreCase) || !tok[1].Equals("matrix", StringComparison.OrdinalIgnoreCase))
            throw new HpcKitDataException(source, line, $"bad banner '{Trunc(text)}': expected '%%MatrixMarket matrix <coordinate|array> <field> <symmetry>'");
        string format = tok[2].ToLowerInvariant();
        bool isArray = format switch
        {
            "coordinate" => false,
            "array" => true,
            _ => throw new HpcKitDataException(source, line, $"bad format '{tok[2]}': expected coordinate or array"),
        };
        string field = tok.Length > 3 ? tok[3].ToLowerInvariant() : "real";
        if (tok.Length <= 3) warnings.Add("missing field: read as real");
        bool isPattern = false, isInteger = false;
        switch (field)
        {
            case "real": case "double": break;
            case "integer": isInteger = true; break;
            case "pattern": isPattern = true; break;
            case "complex": throw new HpcKitDataException(source, line, "NotSupported: complex field");
            default: throw new HpcKitDataException(source, line, $"bad field '{tok[3]}': expected real, double, integer or pattern");
        }
        if (isPattern && isArray) throw new HpcKitDataException(source, line, "pattern field is not allowed with array format");
        string sym = tok.Length > 4 ? tok[4].ToLowerInvariant() : "general";
        if (tok.Length <= 4) warnings.Add("missing symmetry: read as general");
        bool isSym = sym switch
        {
            "general" => false,
            "symmetric" => true,
            "hermitian" or "skew-symmetric" => throw new HpcKitDataException(source, line, $"NotSupported: {sym} symmetry"),
            _ => throw new HpcKitDataException(source, line, $"bad symmetry '{tok[4]}': expected general or symmetric"),
        };
        if (tok.Length > 5) throw new HpcKitDataException(source, line, $"bad banner '{Trunc(text)}': too many tokens");

        var comments = new List<string>();
        string[] size;
        while (true)
        {
            text = reader.ReadLine();
            line++;
            if (text == null) throw new HpcKitDataException(source, line, "unexpected end of file: expected the size line");
            var t = text.AsSpan().Trim();
            if (t.Length == 0) continue;
            if (t[0] == '%') { comments.Add(text); continue; }
            size = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            break;
        }
        long sizeLine = line;
        int rows, cols;
        long nnz;
        bool vectorCoord = false;
        if (isArray)
        {
            if (size.Length == 1) { rows = ParseDim(size[0]); cols = 1; }
            else if (size.Length == 2) { rows = ParseDim(size[0]); cols = ParseDim(size[1]); }
            else throw new HpcKitDataException(source, line, $"bad size line '{Trunc(text)}': expected 'M N' for array format");
            if (isSym && rows != cols) throw new HpcKitDataException(source, line, "symmetric matrix must be square");
            nnz = isSym ? (long)rows * (rows + 1) / 2 : (long)rows * cols;
        }
        else
        {
            if (size.Length == 3) { rows = ParseDim(size[0]); cols = ParseDim(size[1]); nnz = ParseDim(size[2]); }
            else if (size.Length == 2) { rows = ParseDim(size[0]); cols = 1; nnz = ParseDim(size[1]); vectorCoord = true; }
            else throw new HpcKitDataException(source, line, $"bad size line '{Trunc(text)}': expected 'M N NNZ' for coordinate format");
            if (isSym && rows != cols) throw new HpcKitDataException(source, line, "symmetric matrix must be square");
        }
        if (nnz > int.MaxValue) throw new HpcKitDataException(source, line, "too many entries for 32-bit indices");

        int count = (int)nnz;
        var ti = isArray ? [] : new int[count];
        var tj = isArray ? [] : new int[count];
        var values = new double[isArray ? (long)rows * cols : count];
        int k = 0;
        int expectTokens = (isPattern ? 2 : 3) - (vectorCoord ? 1 : 0);
        if (isArray) expectTokens = 1;
        int arrI = 0, arrJ = 0;
        while ((text = reader.ReadLine()) != null)
        {
            line++;
            var span = text.AsSpan().Trim();
            if (span.Length == 0 || span[0] == '%') continue;
            if (k >= count) throw new HpcKitDataException(source, line, $"too many entries: the size line (line {sizeLine}) declares {count}");
            var parts = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != expectTokens)
                throw new HpcKitDataException(source, line, $"wrong token count in '{Trunc(text)}': expected {expectTokens}");
            if (isArray)
            {
                double v = ParseValue(parts[0], source, line, isInteger, warnings);
                values[(long)arrJ * rows + arrI] = v;
                if (isSym && arrI != arrJ) values[(long)arrI * rows + arrJ] = v;
                arrI++;
                if (arrI == rows) { arrJ++; arrI = isSym ? arrJ : 0; }
            }
            else
            {
                int i = ParseIndex(parts[0], source, line, rows, "row");
                int j = vectorCoord ? 0 : ParseIndex(parts[1], source, line, cols, "column");
                double v = isPattern ? 1.0 : ParseValue(parts[expectTokens - 1], source, line, isInteger, warnings);
                if (isSym && i < j) (i, j) = (j, i);
                ti[k] = i; tj[k] = j; values[k] = v;
            }
            k++;
        }
        if (k < count) throw new HpcKitDataException(source, line, $"too few entries: {k} read, the size line (line {sizeLine}) declares {count}");
        if (strict && !isArray) CheckDuplicates(source, rows, cols, ti, tj);
        return new MatrixMarketData(source, rows, cols, isArray, isPattern, isSym, isInteger, comments, ti, tj, values, warnings);

        int ParseDim(string s)
        {
            if (!long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out long d) || d < 0 || d > int.MaxValue)
                throw new HpcKitDataException(source, line, $"bad size line '{Trunc(text)}': '{s}' is not a non-negative integer");
            return (int)d;
        }
    }

    private static int ParseIndex(string s, string source, long line, int max, string what)
    {
        if (!int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out int i))
            throw new HpcKitDataException(source, line, $"non-numeric {what} index '{s}': expected an integer");
        if (i < 1 || i > max) throw new HpcKitDataException(source, line, $"{what} index {i} out of range 1..{max}");
        return i - 1;
    }

    private static double ParseValue(string s, string source, long line, bool integer, List<string> warnings)
    {
        if (integer)
        {
            if (long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out long l)) return l;
            throw new HpcKitDataException(source, line, $"non-numeric value '{s}': expected an integer");
        }
        if (double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double v)) return Flag(v);
        string t = s.Replace('D', 'E').Replace('d', 'e');
        if (double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out v)) return Flag(v);
        string low = s.ToLowerInvariant();
        v = low switch
        {
            "inf" or "+inf" or "infinity" or "+infinity" => double.PositiveInfinity,
            "-inf" or "-infinity" => double.NegativeInfinity,
            "nan" or "+nan" or "-nan" => double.NaN,
            _ => throw new HpcKitDataException(source, line, $"non-numeric value '{s}': expected a real number"),
        };
        return Flag(v);

        double Flag(double x)
        {
            if (!double.IsFinite(x) && warnings.Count < 100) warnings.Add($"line {line}: non-finite value {s}");
            return x;
        }
    }

    private static void CheckDuplicates(string source, int rows, int cols, int[] ti, int[] tj)
    {
        var keys = new long[ti.Length];
        for (int t = 0; t < ti.Length; t++) keys[t] = (long)tj[t] * rows + ti[t];
        Array.Sort(keys);
        for (int t = 1; t < keys.Length; t++)
            if (keys[t] == keys[t - 1])
                throw new HpcKitDataException(source, 0, $"duplicate entry ({keys[t] % rows + 1}, {keys[t] / rows + 1}) in strict mode");
        _ = cols;
    }

    private static string Trunc(string s) => s.Length <= 60 ? s : s[..57] + "...";
}
