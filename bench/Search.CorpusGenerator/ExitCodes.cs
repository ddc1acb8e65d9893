namespace Search.CorpusGenerator;

/// <summary>What the generator's exit code tells a script.</summary>
internal static class ExitCodes
{
    /// <summary>All articles were written.</summary>
    public const int Success = 0;

    /// <summary>The arguments were unusable; nothing was written.</summary>
    public const int BadArguments = 1;

    /// <summary>The source holds no article with a usable sentence; nothing was written.</summary>
    public const int NothingUsable = 3;
}
