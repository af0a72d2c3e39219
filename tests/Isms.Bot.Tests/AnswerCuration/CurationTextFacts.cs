using Isms.Bot.AnswerCuration;

namespace Isms.Bot.Tests.AnswerCuration;

public sealed class CurationTextFacts
{
    [Theory]
    [InlineData("同義語 タブレ=モバイル端末", "タブレ", "モバイル端末")]
    [InlineData("同義語　「ノーパソ」＝「モバイル端末」", "ノーパソ", "モバイル端末")]
    public void ASynonym_IsTheEverydayWordThenThePolicyTerm(string text, string variant, string term) =>
        Assert.Equal((variant, term), CurationText.Synonym(CurationText.Argument(text)));

    [Theory]
    [InlineData("同義語 タブレ")]
    [InlineData("同義語 タ=モバイル端末")]
    [InlineData("同義語 =モバイル端末")]
    [InlineData("同義語 タブレ=")]
    [InlineData("同義語 a=b=c")]
    [InlineData("同義語 一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一=端末")]
    public void AnythingElse_IsNoSynonym(string text) => Assert.Null(CurationText.Synonym(CurationText.Argument(text)));

    [Theory]
    [InlineData("固定 つけっぱなしで離席 → 5.1(1)⑦", "つけっぱなしで離席", new[] { "5.1(1)⑦" })]
    [InlineData("固定　「ぷりんたーの記録」->6.1(11)③、 5.1(1)⑦", "ぷりんたーの記録", new[] { "6.1(11)③", "5.1(1)⑦" })]
    public void APin_IsThePhrasing_ThenItsClauses(string text, string phrasing, string[] ids)
    {
        var pin = CurationText.Pin(CurationText.Argument(text));

        Assert.NotNull(pin);
        Assert.Equal(phrasing, pin.Value.Phrasing);
        Assert.Equal(ids, pin.Value.ClauseIds);
    }

    [Theory]
    [InlineData("固定 つけっぱなしで離席 5.1(1)⑦")]
    [InlineData("固定 → 5.1(1)⑦")]
    [InlineData("固定 つけっぱなし →")]
    [InlineData("固定")]
    public void APinWithoutAnArrowOrClauses_IsRefused(string text) => Assert.Null(CurationText.Pin(CurationText.Argument(text)));
}
