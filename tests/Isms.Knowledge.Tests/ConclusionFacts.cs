using Isms.Knowledge.Answers;

namespace Isms.Knowledge.Tests;

/// <summary>The clause an answer leads with: a prohibition before the clause that permits an exception to it, and a
/// duty on its own when the sibling beside it forbids something else.</summary>
public class ConclusionFacts
{
    private static Citation Cite(string id) => new(TestData.Document.FindClause(id)!, 1.0);

    [Fact]
    public void AnExceptionByPermission_IsLedByTheProhibitionItExcepts()
    {
        var conclusion = ConclusionWriter.Write([Cite("5.1(1)④(イ)"), Cite("5.1(1)③(ア)")], TestData.Document, asksMayI: true);

        Assert.Equal("5.1(1)④(ア)", conclusion.Deciding.Id);
        Assert.Equal("5.1(1)④(イ)", conclusion.Exception?.Id);
        Assert.StartsWith("いいえ、", conclusion.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void ADutyThatPermitsNothing_LeadsOnItsOwn_NotAsTheExceptionOfAProhibitingSibling()
    {
        // 5.1(1)⑦ (lock the PC when leaving the desk) and ⑥ (do not change security settings) share their words but
        // not their subject: the question about leaving a PC open is answered by ⑦, with no 「いいえ」.
        var conclusion = ConclusionWriter.Write([Cite("5.1(1)⑦"), Cite("5.1(1)⑥")], TestData.Document, asksMayI: true);

        Assert.Equal("5.1(1)⑦", conclusion.Deciding.Id);
        Assert.Null(conclusion.Exception);
        Assert.Contains("ロック", conclusion.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("いいえ", conclusion.Text, StringComparison.Ordinal);
    }
}
