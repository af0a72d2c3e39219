using Isms.Knowledge.Retrieval;

namespace Isms.Knowledge.Tests;

public class NormalizationFacts
{
    [Theory]
    [InlineData("ＵＳＢメモリ", "usbメモリ")]
    [InlineData("ﾊﾟｽﾜｰﾄﾞ", "パスワド")]
    [InlineData("ぱすわーど", "パスワド")]
    [InlineData("サーバー", "サバ")]
    [InlineData("Wi-Fi", "wifi")]
    public void Fold_UnifiesWidthKanaAndLongVowels(string typed, string folded)
    {
        Assert.Equal(folded, JapaneseNormalizer.Fold(typed));
    }

    [Fact]
    public void Fold_KeepsCircledNumbers()
    {
        Assert.Equal("⑧", JapaneseNormalizer.Fold("⑧"));
    }

    [Fact]
    public void Tokenize_DropsOkuriganaBetweenKanji_SoVariantsMeet()
    {
        Assert.Equal(Tokenizer.Tokenize("持出"), Tokenizer.Tokenize("持ち出"));
    }

    [Fact]
    public void Tokenize_ReadsHiraganaSpellingsOfDocumentKatakana()
    {
        var vocabulary = new HashSet<string> { "ロック", "パスワド" };
        var tokens = Tokenizer.Tokenize("PCろっくしないと", vocabulary);
        Assert.Contains("ロッ", tokens);
        Assert.Contains("pc", tokens);
        Assert.DoesNotContain("しな", tokens);
    }

    [Fact]
    public void Tokenize_KeepsRuleAndRouterApart()
    {
        Assert.Empty(Tokenizer.Tokenize("ルール").Intersect(Tokenizer.Tokenize("ルータ")));
    }
}
