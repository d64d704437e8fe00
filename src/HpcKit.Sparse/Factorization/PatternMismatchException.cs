namespace HpcKit.Sparse.Factorization;

/// <summary>Values supplied outside the analysed sparsity pattern.</summary>
public sealed class PatternMismatchException : Exception
{
    public PatternMismatchException(string message) : base(message) { }

    public PatternMismatchException(string message, Exception inner) : base(message, inner) { }

    public PatternMismatchException() { }
}
