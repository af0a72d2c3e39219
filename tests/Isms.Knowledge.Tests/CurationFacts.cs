namespace Isms.Knowledge.Tests;

/// <summary>Synonyms and pinned phrasings added from the chat take effect at once; what the edition lacks is reported.</summary>
public class CurationFacts
{
    [Fact]
    public void APinnedPhrasing_LeadsToItsClauses_AndIsNeverDeclined()
    {
        var answerer = PolicyAnswerer.CreateDefault();
        const string phrasing = "ぷりんたーのトナー交換の記録";
        Assert.Equal(PolicyIntent.OutOfScope, answerer.AnswerOffline(phrasing, null).Intent);

        var result = answerer.Apply(new Curation([], [new PinnedPhrasing(phrasing, ["6.1(11)③"])]));

        Assert.Equal(1, result.PinsApplied);
        var answer = answerer.AnswerOffline("ぷりんたーのトナー交換の記録？", null);
        Assert.Equal(PolicyIntent.Answer, answer.Intent);
        Assert.Equal("6.1(11)③", answer.Citations[0].Clause.Id);
    }

    [Fact]
    public void ACuratedSynonym_BridgesAWordTheIndexDidNotKnow()
    {
        var answerer = PolicyAnswerer.CreateDefault();
        const string question = "ぴよぴよを家に持って帰ってもいい？";
        Assert.DoesNotContain("モバイル端末", answerer.Retriever.Features.Terms.Thesaurus.Expand(question));

        var result = answerer.Apply(new Curation([new CuratedSynonym("モバイル端末", "ぴよぴよ")], []));

        Assert.Equal(1, result.SynonymsApplied);
        Assert.Contains("モバイル端末", answerer.Retriever.Features.Terms.Thesaurus.Expand(question));
        Assert.Contains("5.1(1)③(イ)", answerer.AnswerOffline(question, null).Citations.Take(3).Select(c => c.Clause.Id));
    }

    [Fact]
    public void APinToAClauseTheEditionLacks_AndATermItNeverUses_AreReported_NotApplied()
    {
        var answerer = PolicyAnswerer.CreateDefault();
        var orphan = new PinnedPhrasing("旧規程の話", ["12.3(4)"]);
        var unknown = new CuratedSynonym("存在しない用語", "なにか");

        var result = answerer.Apply(new Curation([unknown], [orphan]));

        Assert.Equal([orphan], result.OrphanPins);
        Assert.Equal([unknown], result.UnknownTerms);
        Assert.Equal((0, 0), (result.SynonymsApplied, result.PinsApplied));
    }
}
