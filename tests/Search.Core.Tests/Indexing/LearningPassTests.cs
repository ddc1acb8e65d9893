using System.Text.Json;
using Search.Core.Analysis;
using Search.Core.Corpus;
using Search.Core.Indexing;
using Search.Tests.Shared;

namespace Search.Core.Tests.Indexing;

// Checks: the files are read in parallel, but the dictionary is learned from the first articles in file order, exactly
// as one reader going through them would; a file read to its end is handed to the import once, a file cut short is not.
public class LearningPassTests
{
    [Fact]
    public void TheDictionaryIsLearnedFromTheFirstArticlesInFileOrderWhenTheLimitFallsInsideAFile()
    {
        var folder = TestCorpus.CreateTempFolder("learning");
        var files = new[]
        {
            Write(folder, "a.jsonl", "Wetterbericht", "Wetterbericht"),
            Write(folder, "b.jsonl", "Hafenbecken", "Fahrradweg", "Sonnenschirm"),
            Write(folder, "c.jsonl", "Kuchenteller"),
        };
        var pass = new LearningPass();

        var learned = pass.Learn(files, maxArticles: 4);

        Assert.Equal(6, learned.CountOf("wetterbericht"));
        Assert.Equal(3, learned.CountOf("hafenbecken"));
        Assert.Equal(3, learned.CountOf("fahrradweg"));
        Assert.Equal(0, learned.CountOf("sonnenschirm"));
        Assert.Equal(0, learned.CountOf("kuchenteller"));
        Assert.True(pass.TryTake(files[0], out var first));
        Assert.Equal(2, first.Count);
        Assert.False(pass.TryTake(files[0], out _));
        Assert.True(pass.TryTake(files[1], out var second));
        Assert.Equal(3, second.Count);
        Assert.False(pass.TryTake(files[2], out _));
    }

    [Fact]
    public void AFileCutShortByTheLimitIsLeftForTheImportToReadAgain()
    {
        var folder = TestCorpus.CreateTempFolder("learning");
        var file = Write(folder, "long.jsonl", "Hafenbecken", "Fahrradweg", "Sonnenschirm");
        var pass = new LearningPass();

        var learned = pass.Learn([file], maxArticles: 2);

        Assert.Equal(3, learned.CountOf("fahrradweg"));
        Assert.Equal(0, learned.CountOf("sonnenschirm"));
        Assert.False(pass.TryTake(file, out _));
    }

    [Fact]
    public void ReadingFilesInParallelLearnsWhatOneReaderLearns()
    {
        var folder = TestCorpus.CreateTempFolder("learning");
        var words = new[] { "Wetterbericht", "Hafenbecken", "Fahrradweg", "Sonnenschirm", "Kuchenteller", "Gartenzaun" };
        var files = Enumerable.Range(0, 12).Select(i => Write(folder, $"{i:D2}.jsonl", words[i % words.Length], words[(i + 1) % words.Length])).ToList();
        var texts = files.SelectMany(file => JsonLinesReader.Read(file)).Select(record => record.Article!).Take(15)
            .SelectMany(article => new[] { article.Title, article.Body });

        var learned = new LearningPass().Learn(files, maxArticles: 15);

        var expected = CompoundSplitter.Learn(texts);
        Assert.All(words, word => Assert.Equal(expected.CountOf(word.ToLowerInvariant()), learned.CountOf(word.ToLowerInvariant())));
        Assert.Equal(expected.Count, learned.Count);
    }

    // One article per word, its title and body each holding the word so often that the dictionary keeps it.
    private static InputFile Write(string folder, string name, params string[] words)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllLines(path, words.Select((word, i) => JsonSerializer.Serialize(new
        {
            id = $"{name}-{i}",
            date = "2020-05-01",
            title = word,
            body = $"Heute geht es um {word} und noch einmal {word}.",
        })));
        return new InputFile(path);
    }
}
