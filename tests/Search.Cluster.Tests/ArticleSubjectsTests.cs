namespace Search.Cluster.Tests;

public sealed class ArticleSubjectsTests
{
    [Theory]
    [InlineData("bodensee-1", "articles.bodensee-1")]
    [InlineData("zeit.de/2020/01", "articles.zeit=2Ede=2F2020=2F01")]
    [InlineData("a b*>", "articles.a=20b=2A=3E")]
    [InlineData("Straße", "articles.Stra=C3=9Fe")]
    [InlineData("x=y", "articles.x=3Dy")]
    public void AnIdBecomesOneSubjectTokenAndBackAgain(string id, string subject)
    {
        Assert.Equal(subject, ArticleSubjects.For(id));
        Assert.Equal(id, ArticleSubjects.IdOf(subject));
    }

    [Theory]
    [InlineData("articles.")]
    [InlineData("other.x")]
    [InlineData("articles.ab=2")]
    [InlineData("articles.ab=ZZ")]
    public void ASubjectThatNoIdMakesIsRefused(string subject) =>
        Assert.Throws<FormatException>(() => ArticleSubjects.IdOf(subject));
}
