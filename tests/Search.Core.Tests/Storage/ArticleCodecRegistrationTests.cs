using System.Reflection;
using System.Runtime.CompilerServices;
using Lucene.Net.Codecs;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Search.Core.Documents;
using Search.Core.Indexing;
using Search.Core.Storage;
using Search.Tests.Shared;

namespace Search.Core.Tests.Storage;

// Checks: the codec is registered explicitly (no module initializer does it when the library loads); registering from
// many threads at once sets Lucene.Net's codec factory once, and it names our codec; an index written by the engine
// opens through Lucene.Net alone after Register.
public class ArticleCodecRegistrationTests
{
    [Fact]
    public void NoModuleInitializerRegistersTheCodecWhenTheLibraryLoads()
    {
        var initializers = typeof(ArticleCodec).Assembly.GetTypes()
            .SelectMany(type => type.GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Where(method => method.IsDefined(typeof(ModuleInitializerAttribute)))
            .Select(method => $"{method.DeclaringType}.{method.Name}");

        Assert.Empty(initializers);
    }

    [Fact]
    public void RegisteringFromManyThreadsSetsTheCodecFactoryOnce()
    {
        ArticleCodec.Register();
        var factory = Codec.GetCodecFactory();

        Parallel.For(0, 64, _ => ArticleCodec.Register());

        Assert.Same(factory, Codec.GetCodecFactory());
        Assert.IsType<ArticleCodec>(Codec.ForName("GermanNews48"));
    }

    [Fact]
    public void AnIndexOfTheEngineOpensThroughLuceneAloneAfterRegister()
    {
        var index = TestCorpus.CreateTempFolder("registered-codec");
        using (var writer = ArticleIndexWriter.Open(index))
        {
            writer.Upsert(new NewsArticle("a", "Hafen", "2020-04-02", "Der Hafen wächst."));
            writer.Commit();
        }

        ArticleCodec.Register();
        using var directory = FSDirectory.Open(index);
        using var reader = DirectoryReader.Open(directory);

        Assert.Equal(1, reader.NumDocs);
        Assert.Equal("GermanNews48", Assert.Single(SegmentInfos(directory)).Info.Codec.Name);
    }

    private static SegmentInfos SegmentInfos(Lucene.Net.Store.Directory directory)
    {
        var infos = new SegmentInfos();
        infos.Read(directory);
        return infos;
    }
}
