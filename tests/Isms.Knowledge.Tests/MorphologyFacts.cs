using Isms.Knowledge.Language;

namespace Isms.Knowledge.Tests;

/// <summary>MeCab is installed by tests/setup.sh; without it the library falls back to bigrams.</summary>
public class MorphologyFacts
{
    [Fact]
    public void Mecab_GivesTheDictionaryReadingOfConjugatedVerbs()
    {
        var mecab = MecabAnalyzer.TryCreate(null, out var whyNot);
        Assert.True(mecab is not null, whyNot);
        Assert.Equal(["ナクス"], ContentWords.Of(mecab!, "なくしました"));
        Assert.Equal(["ナクス"], ContentWords.Of(mecab!, "無くしたかもしれません"));
        Assert.Contains("持ち出す", mecab!.Analyze("持ち出します").Select(m => m.BaseForm));
    }

    [Fact]
    public void AMissingDictionary_IsReportedNotThrown()
    {
        Assert.Null(MecabAnalyzer.TryCreate("/nonexistent-dictionary", out var whyNot));
        Assert.Contains("sys.dic", whyNot, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutMorphology_TheRetrieverStillAnswers()
    {
        var retriever = Retrieval.ClauseRetriever.Build(TestData.Document, Retrieval.Thesaurus.LoadEmbedded(), Retrieval.ClauseQuestions.LoadEmbedded(), analyzer: null);
        Assert.Contains("5.4(2)⑧", retriever.Retrieve("ぱすわーどを同僚と共有してもいい？", null, 3).Select(c => c.Clause.Id));
    }
}
