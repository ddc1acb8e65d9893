namespace Search.Core.Errors;

/// <summary>A request the caller can fix: the message names the input and what is allowed.</summary>
public class SearchInputException : Exception
{
    public SearchInputException(string code, string parameter, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Code = code;
        Parameter = parameter;
    }

    /// <summary>A stable machine-readable code, e.g. <c>prefix_too_short</c>.</summary>
    public string Code { get; }

    /// <summary>The request parameter at fault, e.g. <c>q</c>.</summary>
    public string Parameter { get; }
}
