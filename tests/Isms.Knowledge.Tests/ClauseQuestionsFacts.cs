using Isms.Knowledge.Retrieval;

namespace Isms.Knowledge.Tests;

/// <summary>The staff questions shipped with the policy: every clause has them, and a new edition reports orphans.</summary>
public class ClauseQuestionsFacts
{
    private static readonly ClauseQuestions Shipped = ClauseQuestions.LoadEmbedded();

    [Fact]
    public void EveryClause_HasAtLeastFiveQuestions()
    {
        var thin = TestData.Document.Clauses.Where(c => Shipped.For(c.Id).Count < 5).Select(c => c.Id).ToList();
        Assert.Empty(thin);
    }

    [Fact]
    public void EveryQuestion_BelongsToAClauseOfTheShippedEdition() =>
        Assert.Empty(Shipped.Orphans(TestData.Document));

    [Fact]
    public void ANewEditionWithoutAClause_ReportsItsQuestionsAsOrphans()
    {
        var edition = new PolicyDocument("t", "e", TestData.Document.Clauses.Where(c => c.Id != "5.4(2)⑧").ToList());
        Assert.Equal(["5.4(2)⑧"], Shipped.Orphans(edition));
    }

    [Fact]
    public void LooseIds_AreNormalised_AndBadLinesRejected()
    {
        var parsed = ClauseQuestions.Parse("# comment\n５.４(２)⑧\tパスワード教えていい？\n");
        Assert.Equal(["パスワード教えていい？"], parsed.For("5.4(2)⑧"));
        Assert.Throws<FormatException>(() => ClauseQuestions.Parse("no tab here\n"));
    }

    [Fact]
    public void TableRows_AreTheirOwnPassages()
    {
        var table = TestData.Document.FindClause("別表2")!;
        var rows = Passages.TableRows(table.Text).ToList();
        Assert.Contains(rows, r => r.Contains("外部への転送", StringComparison.Ordinal) && r.Contains("原則として禁止", StringComparison.Ordinal));
        Assert.All(rows, r => Assert.Contains("重要度分類", r, StringComparison.Ordinal));
    }

    // A matrix (row label, three category columns) is also read down each column: the category's legend with its rules.
    [Fact]
    public void MatrixTableColumns_AreTheirOwnPassages()
    {
        var columns = Passages.TableColumns(TestData.Document.FindClause("別表2")!.Text).ToList();
        Assert.Equal(3, columns.Count);
        Assert.Contains(columns, c => c.Contains("ホームページ等に公開された情報", StringComparison.Ordinal)
            && c.Contains("暗号化 不要", StringComparison.Ordinal) && !c.Contains("原則として禁止", StringComparison.Ordinal));
        // The classification tables of 2(1) (分類 | 分類基準 | 取扱制限) list records, not a matrix.
        Assert.Empty(Passages.TableColumns(TestData.Document.FindClause("2(1)")!.Text));
    }
}
