using Search.Core.Indexing;
using Search.Tests.Shared;

namespace Search.Core.Tests.Indexing;

// Checks: a relative path resolves against the repository root from anywhere inside the repository (the root,
// src/Search.Api, a build output folder), against the current folder outside it, and an absolute path stays as it is;
// the indexer command a message gives names the project and the paths so that it works where the user is.
public class RepositoryPathsTests
{
    [Theory]
    [InlineData("")]
    [InlineData("src/Search.Api")]
    [InlineData("src/Search.Api/bin/Debug/net10.0")]
    public void RelativePathInsideTheRepositoryResolvesAgainstItsRoot(string workingFolder)
    {
        var root = FakeRepository();
        var current = Directory.CreateDirectory(Path.Combine(root, workingFolder)).FullName;

        Assert.Equal(Path.Combine(root, "index-data"), RepositoryPaths.Resolve("index-data", current));
        Assert.Equal(Path.Combine(root, "seeds"), RepositoryPaths.Resolve("seeds", current));
        Assert.Equal(root, RepositoryPaths.FindRoot(current));
    }

    [Fact]
    public void RelativePathOutsideTheRepositoryResolvesAgainstTheCurrentFolder()
    {
        var current = TestCorpus.CreateTempFolder("not-a-repository");

        Assert.Null(RepositoryPaths.FindRoot(current));
        Assert.Equal(Path.Combine(current, "index-data"), RepositoryPaths.Resolve("index-data", current));
    }

    [Fact]
    public void AbsolutePathIsKeptAsGiven()
    {
        var root = FakeRepository();

        Assert.Equal("/srv/news/index", RepositoryPaths.Resolve("/srv/news/index", Path.Combine(root, "src")));
    }

    [Fact]
    public void IndexCommandFromTheRepositoryRootNamesTheProjectAndFoldersRelatively()
    {
        var root = FakeRepository();

        Assert.Equal("dotnet run --project src/Search.Indexer -- seeds --index index-data",
            RepositoryPaths.BuildIndexCommand(Path.Combine(root, "index-data"), root));
    }

    [Fact]
    public void IndexCommandFromSrcSearchApiNamesTheProjectAndFoldersAbsolutely()
    {
        var root = FakeRepository();
        var api = Directory.CreateDirectory(Path.Combine(root, "src", "Search.Api")).FullName;

        Assert.Equal($"dotnet run --project {root}/src/Search.Indexer -- {root}/seeds --index {root}/index-data",
            RepositoryPaths.BuildIndexCommand(RepositoryPaths.Resolve("index-data", api), api));
        Assert.Equal($"dotnet run --project {root}/src/Search.Indexer --", RepositoryPaths.IndexerCommand(api));
    }

    [Fact]
    public void PathWithinTheCurrentFolderIsShownRelativelyAndOneOutsideAbsolutely()
    {
        var root = FakeRepository();

        Assert.Equal("index-data", RepositoryPaths.Shown(Path.Combine(root, "index-data"), root));
        Assert.Equal(Path.Combine(root, "index-data"), RepositoryPaths.Shown(Path.Combine(root, "index-data"), Path.Combine(root, "src")));
        Assert.Equal("/srv/news/index", RepositoryPaths.Shown("/srv/news/index", root));
    }

    // A folder with the repository's marker file, as a fresh clone has it.
    private static string FakeRepository()
    {
        var root = TestCorpus.CreateTempFolder("repository");
        File.WriteAllText(Path.Combine(root, RepositoryPaths.Marker), "");
        return root;
    }
}
