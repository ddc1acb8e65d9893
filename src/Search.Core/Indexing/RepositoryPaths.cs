namespace Search.Core.Indexing;

/// <summary>
/// Where relative index and corpus paths resolve, and how a command names them: against the repository root when the
/// process runs inside the repository (the folder that holds <see cref="Marker"/>), so the repository root,
/// <c>src/Search.Api</c> and an IDE share one <c>index-data/</c> and <c>seeds/</c>; else against the current folder.
/// </summary>
public static class RepositoryPaths
{
    /// <summary>The file that marks the repository root.</summary>
    public const string Marker = "Search.sln";

    /// <summary>The repository root that holds <paramref name="directory"/> (or is it), or null outside the repository.</summary>
    public static string? FindRoot(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        for (var folder = new DirectoryInfo(Path.GetFullPath(directory)); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, Marker)))
            {
                return folder.FullName;
            }
        }

        return null;
    }

    /// <summary>The absolute path of <paramref name="path"/>: as given when absolute, else against the repository root
    /// that holds <paramref name="currentDirectory"/>, else against <paramref name="currentDirectory"/> itself.</summary>
    /// <param name="path">A folder or file, absolute or relative.</param>
    /// <param name="currentDirectory">The working folder; the process's own when null.</param>
    public static string Resolve(string path, string? currentDirectory = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var current = Path.GetFullPath(currentDirectory ?? Environment.CurrentDirectory);
        return Path.IsPathRooted(path) ? Path.GetFullPath(path) : Path.GetFullPath(path, FindRoot(current) ?? current);
    }

    /// <summary><paramref name="path"/> as a command typed in <paramref name="currentDirectory"/> names it: relative
    /// when it lies within that folder (<c>index-data</c> at the root), else absolute, so the command works there.</summary>
    public static string Shown(string path, string? currentDirectory = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var current = Path.GetFullPath(currentDirectory ?? Environment.CurrentDirectory);
        var full = Path.GetFullPath(path, current);
        var relative = Path.GetRelativePath(current, full);
        return relative == ".." || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) || Path.IsPathRooted(relative)
            ? full
            : relative;
    }

    /// <summary>The start of an indexer command line that works in <paramref name="currentDirectory"/>:
    /// <c>dotnet run --project src/Search.Indexer --</c> at the repository root, the project's absolute path elsewhere.</summary>
    public static string IndexerCommand(string? currentDirectory = null)
    {
        var current = Path.GetFullPath(currentDirectory ?? Environment.CurrentDirectory);
        // Outside the repository, the program's own folder may still be inside it (a build run from elsewhere).
        var root = FindRoot(current) ?? FindRoot(AppContext.BaseDirectory);
        var project = root is null ? Path.Combine("src", "Search.Indexer") : Shown(Path.Combine(root, "src", "Search.Indexer"), current);
        return $"dotnet run --project {project} --";
    }

    /// <summary>The indexer command that builds the index <paramref name="indexPath"/> from the repository's seeds (or,
    /// outside the repository, from a corpus to name), as typed in <paramref name="currentDirectory"/>.</summary>
    public static string BuildIndexCommand(string indexPath, string? currentDirectory = null)
    {
        var current = Path.GetFullPath(currentDirectory ?? Environment.CurrentDirectory);
        var root = FindRoot(current) ?? FindRoot(AppContext.BaseDirectory);
        var corpus = root is null ? "<your corpus>" : Shown(Path.Combine(root, "seeds"), current);
        return $"{IndexerCommand(current)} {corpus} --index {Shown(indexPath, current)}";
    }
}
