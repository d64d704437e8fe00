namespace HpcKit.Core.Reporting;

/// <summary>
/// Output written to a temporary sibling (<c>name.tmp-XXXX</c>) and renamed over the target only when complete,
/// so a failed run never leaves a file that looks finished.
/// </summary>
public sealed class AtomicFile : IDisposable
{
    private readonly FileStream _stream;
    private bool _committed;

    private AtomicFile(string path, string temp, FileStream stream)
    {
        Path = path;
        TempPath = temp;
        _stream = stream;
    }

    /// <summary>The final path.</summary>
    public string Path { get; }

    /// <summary>The temporary path being written.</summary>
    public string TempPath { get; }

    /// <summary>The stream to write.</summary>
    public Stream Stream => _stream;

    /// <summary>Opens a temporary file beside <paramref name="path"/>; errors name the path.</summary>
    public static AtomicFile Create(string path, int bufferSize = 1 << 16)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string full = System.IO.Path.GetFullPath(path);
        string? dir = System.IO.Path.GetDirectoryName(full);
        if (dir != null && !Directory.Exists(dir))
        {
            try
            {
                Directory.CreateDirectory(dir);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new HpcKitDataException($"{path}: cannot create directory {dir}: {e.Message}");
            }
        }
        string temp = full + ".tmp-" + Guid.NewGuid().ToString("N")[..8];
        try
        {
            var fs = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize);
            return new AtomicFile(full, temp, fs);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new HpcKitDataException($"{path}: cannot write: {e.Message}");
        }
    }

    /// <summary>Flushes and renames the temporary file onto the target.</summary>
    public void Commit()
    {
        _stream.Flush(true);
        _stream.Dispose();
        File.Move(TempPath, Path, overwrite: true);
        _committed = true;
    }

    /// <summary>Deletes the temporary file unless <see cref="Commit"/> ran.</summary>
    public void Dispose()
    {
        if (_committed) return;
        _stream.Dispose();
        try
        {
            File.Delete(TempPath);
        }
        catch (IOException)
        {
            // best effort
        }
    }

    /// <summary>Writes all text atomically.</summary>
    public static void WriteAllText(string path, string text)
    {
        using var f = Create(path);
        using (var w = new StreamWriter(f.Stream, new System.Text.UTF8Encoding(false), 1 << 16, leaveOpen: true)) w.Write(text);
        f.Commit();
    }

    /// <summary>Writes through a text writer atomically; nothing appears at <paramref name="path"/> if <paramref name="write"/> throws.</summary>
    public static void Write(string path, Action<TextWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        using var f = Create(path);
        using (var w = new StreamWriter(f.Stream, new System.Text.UTF8Encoding(false), 1 << 16, leaveOpen: true)) write(w);
        f.Commit();
    }

    /// <summary>Writes through a binary stream atomically.</summary>
    public static void WriteBinary(string path, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        using var f = Create(path);
        write(f.Stream);
        f.Commit();
    }
}
