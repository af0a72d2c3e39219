using Isms.Knowledge.Retrieval;

namespace Isms.Knowledge.Tests;

public class ThesaurusFacts
{
    private static readonly Thesaurus Shipped = Thesaurus.LoadEmbedded();

    [Theory]
    [InlineData("テレワークしたい", "外部で情報処理業務")]
    [InlineData("iPadを使いたい", "支給以外の端末")]
    [InlineData("私物スマホで", "支給以外の端末")]
    [InlineData("ＵＳＢに保存", "電磁的記録媒体")]
    [InlineData("Zoomに招待された", "Web会議")]
    [InlineData("公式Xで発信", "ソーシャルメディアサービス")]
    [InlineData("UPSはある？", "予備電源")]
    [InlineData("wifiにつなぐ", "無線LAN")]
    [InlineData("総務所に報告", "総務省")]
    public void Expand_MapsEverydayWordsToPolicyTerms(string question, string term)
    {
        Assert.Contains(term, Shipped.Expand(question));
    }

    // 処分 of a person is a penalty (7.6), 処分する of a thing is disposal (2(2)⑩): bare 処分 says neither.
    [Theory]
    [InlineData("違反したら処分されるの？", "懲戒処分", "廃棄")]
    [InlineData("規則を守らないと処分とかある？", "懲戒処分", "廃棄")]
    [InlineData("古いタブレットを処分したい", "廃棄", "懲戒処分")]
    public void Disposition_IsAPenaltyForAPersonAndADisposalForAThing(string question, string term, string notTerm)
    {
        Assert.Contains(term, Shipped.Expand(question));
        Assert.DoesNotContain(notTerm, Shipped.Expand(question));
    }

    [Fact]
    public void Expand_MatchesAsciiVariantsAsWholeWordsOnly()
    {
        var thesaurus = Thesaurus.Parse("ソーシャルメディアサービス\tx,twitter\n");
        Assert.Empty(thesaurus.Expand("xxxのbox"));
        Assert.Single(thesaurus.Expand("Xに投稿"));
    }

    // A katakana variant is a word of its own: ネット is not the tail of キャビネット, nor ログ of ブログ, nor ロック of ブロック.
    [Theory]
    [InlineData("書類はキャビネットにしまう", "インターネット")]
    [InlineData("署所間ネットワークの話", "インターネット")]
    [InlineData("ブログを見てもいい？", "ログ")]
    [InlineData("ブロックされた", "ロック")]
    public void KatakanaVariants_DoNotMatchInsideLongerWords(string question, string term) =>
        Assert.DoesNotContain(term, Shipped.Expand(question));

    [Theory]
    [InlineData("ネットで調べた", "インターネット")]
    [InlineData("ぱすわーど忘れた", "パスワード")]
    public void KatakanaVariants_StillMatchAsWordsAndInHiragana(string question, string term) =>
        Assert.Contains(term, Shipped.Expand(question));

    [Fact]
    public void Parse_SkipsCommentsAndRejectsLinesWithoutVariants()
    {
        Assert.Equal(1, Thesaurus.Parse("# comment\n予備電源\tups\n").Count);
        Assert.Throws<FormatException>(() => Thesaurus.Parse("予備電源\n"));
    }

    [Fact]
    public void ShippedThesaurus_TermsAreWordsOfThePolicy()
    {
        var text = string.Concat(TestData.Document.Clauses.Select(c => c.Text + string.Concat(c.HeadingPath)));
        var folded = JapaneseNormalizer.Fold(text);
        var shippedTerms = EmbeddedPolicy.ReadResource(EmbeddedPolicy.ThesaurusResource).Split('\n')
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .SelectMany(l => l.Split('\t')[0].Split(','));
        var missing = shippedTerms.Where(t => !folded.Contains(JapaneseNormalizer.Fold(t), StringComparison.Ordinal)).ToList();
        Assert.Empty(missing);
    }
}
