using System.Text.Json;

namespace Search.Tests.Shared;

/// <summary>Test input: the repository's seeds plus a few small articles written here (never the publishers' corpus).</summary>
internal static class TestCorpus
{
    /// <summary>The id of the seed article in <c>seeds/</c>.</summary>
    public const string SeedId = "000_93a5ca4044152280";

    /// <summary>The repository root (the folder holding Search.sln).</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string SeedsPath => Path.Combine(RepositoryRoot, "seeds");

    /// <summary>Small made-up articles that exercise analysis, months, sources and escaping.</summary>
    public static IReadOnlyList<object> FixtureArticles { get; } =
    [
        new { id = "haeuser-1", date = "2020-11-03", title = "Neue Häuser am Stadtrand", body = "Im Norden entstehen viele Häuser für junge Familien.\n\nDie Stadt plant weitere Wohnungen.", source = "example.de" },
        new { id = "strasse-1", date = "2020-11-20", title = "Sperrung der Hauptstraße", body = "Die Straße bleibt wegen Bauarbeiten bis Freitag gesperrt. Umleitungen sind ausgeschildert.", source = "example.de" },
        new { id = "gespraech-1", date = "2020-12-01", title = "Gespräch im Rathaus", body = "Der Bürgermeister führte ein langes Gespräch mit den Anwohnern über die Baustelle.", source = "beispiel.de" },
        new { id = "script-1", date = "2021-01-15", title = "Angriff mit <script> im Kommentarfeld", body = "Ein Leser schrieb <script>alert('x')</script> in das Kommentarfeld der Zeitung. Die Redaktion löschte den Kommentar & sperrte das Konto.", source = "beispiel.de" },
        new { id = "bodensee-1", date = "2021-01-20", title = "Treffen am Bodensee", body = "Diplomaten bereiten am Bodensee neue Verhandlungen vor. Ort der Gespräche ist Lindau.", url = "https://example.org/bodensee-1" },
    ];

    /// <summary>Writes the seeds and the fixture articles (as JSON Lines) into a new folder and returns it.</summary>
    public static string CreateCorpusFolder()
    {
        var folder = CreateTempFolder("corpus");
        foreach (var seed in Directory.EnumerateFiles(SeedsPath, "*.txt"))
        {
            File.Copy(seed, Path.Combine(folder, Path.GetFileName(seed)));
        }

        File.WriteAllLines(Path.Combine(folder, "fixture.jsonl"), FixtureArticles.Select(article => JsonSerializer.Serialize(article)));
        return folder;
    }

    /// <summary>A new empty folder under the system temp folder.</summary>
    public static string CreateTempFolder(string purpose)
    {
        var folder = Path.Combine(Path.GetTempPath(), "search-tests", $"{purpose}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        return folder;
    }

    private static string FindRepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Search.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"Search.sln not found above {AppContext.BaseDirectory}");
    }
}
