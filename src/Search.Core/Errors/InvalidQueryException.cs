namespace Search.Core.Errors;

/// <summary>The query text could not be parsed; keeps the query and the parser's own error.</summary>
public sealed class InvalidQueryException(string query, string message, Exception? innerException = null)
    : SearchInputException("invalid_query", "q", message, innerException)
{
    /// <summary>The query text as the caller sent it.</summary>
    public string Query { get; } = query;
}
