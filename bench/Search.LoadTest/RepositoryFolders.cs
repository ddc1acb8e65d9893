namespace Search.LoadTest;

/// <summary>Where the tool finds the repository (for the API it starts) and the shared files beside it (the peers' queries).</summary>
internal static class RepositoryFolders
{
    /// <summary>A file of ../shared beside the repository, or beside the folder of worktrees (/work/wt/x → /work/shared);
    /// the path under ../shared when there is none.</summary>
    public static string SharedFile(string relative)
    {
        for (var folder = new DirectoryInfo(Root()).Parent; folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "shared", relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return Path.Combine("..", "shared", relative);
    }

    /// <summary>The folder of Search.sln above the working folder or the tool's own; else the working folder.</summary>
    public static string Root()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "Search.sln")))
                {
                    return folder.FullName;
                }
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
