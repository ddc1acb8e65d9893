namespace Search.Core.Errors;

/// <summary>The index cannot be used as asked (missing, locked by another writer); the message says how to fix it.</summary>
public sealed class IndexUnavailableException(string message, Exception? innerException = null)
    : Exception(message, innerException);
