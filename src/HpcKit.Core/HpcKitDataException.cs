namespace HpcKit.Core;

/// <summary>
/// Bad input data (a file, a value, a configuration that cannot be computed). The CLI prints
/// <see cref="Exception.Message"/> as one line and exits with code 3. Modules derive their own data errors from it
/// when callers need the details (e.g. a clamp report).
/// </summary>
public class HpcKitDataException : Exception
{
    public HpcKitDataException(string message) : base(message) { }

    public HpcKitDataException(string message, Exception inner) : base(message, inner) { }

    /// <summary>An error located in a file: the message reads "file:line: what".</summary>
    public HpcKitDataException(string file, long line, string what)
        : base(line > 0 ? $"{file}:{line}: {what}" : $"{file}: {what}")
    {
        File = file;
        Line = line;
    }

    public HpcKitDataException() { }

    /// <summary>The file the error was found in, when known.</summary>
    public string? File { get; }

    /// <summary>1-based line number, or 0 when not applicable.</summary>
    public long Line { get; }
}
