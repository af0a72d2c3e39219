namespace Isms.Knowledge.Tests;

/// <summary>The parser reads any edition laid out the same way, not just the shipped one.</summary>
public class SyntheticEditionFacts
{
    private static readonly PolicyDocument Doc = PolicyParser.Parse(File.ReadAllText(TestData.PathOf("synthetic-edition.txt")));

    [Fact]
    public void Parse_ReadsTitleAndEditionOfAnotherEdition()
    {
        Assert.Equal("みどり市情報セキュリティ対策基準", Doc.Title);
        Assert.Equal("令和9年10月1日 改定", Doc.Edition);
    }

    [Fact]
    public void Parse_BuildsIdsFromTheDocumentsOwnNumbering()
    {
        Assert.Equal(
            ["前文", "1(1)①", "1(1)②", "1(2)", "2.1(1)①", "2.1(1)②", "2.1(1)②(ア)", "2.1(1)②(イ)", "2.2"],
            Doc.Clauses.Select(c => c.Id));
    }

    [Fact]
    public void Parse_RepairsBreaksSpacingAndCarriesShortItemsInTheLeadIn()
    {
        Assert.Equal("職員は、端末を庁外に持ち出す場合、情報セキュリティ管理者の許可を得なければならない。", Doc.FindClause("2.1(1)①")!.Text);
        Assert.Equal("副市長をCISOとする。", Doc.FindClause("1(1)①")!.Text);
        Assert.Contains("(イ) 持ち出す期間", Doc.FindClause("2.1(1)②")!.Text, StringComparison.Ordinal);
        Assert.Equal(["2. 端末の管理", "2.2. 無線LAN"], Doc.FindClause("2.2")!.HeadingPath);
    }
}
