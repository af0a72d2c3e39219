using Isms.Knowledge.Answers;

namespace Isms.Knowledge.Tests;

/// <summary>An answer from a table quotes the rows that answer, never the whole table as one run of cells.</summary>
public class TableAnswerFacts
{
    private static string Table(string id) => TestData.Document.FindClause(id)!.Text;

    [Fact]
    public void TheRuleAskedAbout_AndTheRowThatNamesTheKind_AreQuoted()
    {
        var rows = TableRows.Answering(Table("別表2"), "ホームページに公開された情報は暗号化がいる？");
        Assert.Equal(2, rows.Count);
        Assert.StartsWith("暗号化: IV・III 要考慮 / II 必要に応じて考慮 / I 不要", rows[0]);
        Assert.StartsWith("情報の凡例:", rows[1]);
    }

    [Theory]
    [InlineData("別表1", "重要度IIってどんな情報？", "II: ")]
    [InlineData("2(1)", "機密性2ってどういう情報？", "機密性2: ")]
    public void TheRowTheQuestionNames_IsQuotedAlone(string clause, string question, string expected)
    {
        var rows = TableRows.Answering(Table(clause), question);
        Assert.StartsWith(expected, Assert.Single(rows));
    }

    [Fact]
    public void NothingShared_NoRows() =>
        Assert.Empty(TableRows.Answering(Table("別表2"), "カレーの作り方"));

    [Fact]
    public async Task TheConclusion_OfATable_ReadsAsSentences_NotCells()
    {
        var answer = await TestAnswerer.Offline.AnswerAsync("ふだんの業務の書類、捨てるとき記録いる？", null, CancellationToken.None);
        Assert.Equal("別表2", answer.Citations[0].Clause.Id);
        Assert.Contains("破棄の方法: IV・III 記録を残したうえで廃棄 / II 記録を残したうえで廃棄", answer.Summary);
        Assert.DoesNotContain(" | ", answer.Summary);
        Assert.DoesNotContain("冗長化", answer.Summary);
    }
}
