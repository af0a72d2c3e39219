namespace Isms.Knowledge.Tests;

public class PolicyParserFacts
{
    private static readonly IReadOnlyList<Clause> Reference = TestData.ReferenceClauses();
    private static readonly PolicyDocument Parsed = TestData.Document;

    [Fact]
    public void Parse_YieldsExactlyTheReferenceIds_InOrder()
    {
        Assert.Equal(490, Reference.Count);
        Assert.Equal(Reference.Select(c => c.Id), Parsed.Clauses.Select(c => c.Id));
    }

    [Fact]
    public void Parse_YieldsTheReferenceHeadingPaths()
    {
        var parsed = Parsed.Clauses.ToDictionary(c => c.Id);
        var wrong = Reference
            .Where(r => !parsed.TryGetValue(r.Id, out var p) || !p.HeadingPath.Select(TestData.Comparable).SequenceEqual(r.HeadingPath.Select(TestData.Comparable)))
            .Select(r => r.Id)
            .ToList();
        Assert.Empty(wrong);
    }

    [Fact]
    public void Parse_YieldsTheReferenceText_IgnoringWhitespaceAndTablePunctuation()
    {
        var parsed = Parsed.Clauses.ToDictionary(c => c.Id);
        var wrong = Reference
            .Where(r => !parsed.TryGetValue(r.Id, out var p) || TestData.Comparable(p.Text) != TestData.Comparable(r.Text))
            .Select(r => r.Id)
            .ToList();
        Assert.Empty(wrong);
    }

    [Fact]
    public void Parse_ReadsTitleAndEdition()
    {
        Assert.Equal("館林地区消防組合情報セキュリティ対策基準", Parsed.Title);
        Assert.Equal("令和8年4月1日 策定", Parsed.Edition);
    }

    [Theory]
    [InlineData("2(2)⑩(ウ)", "情報資産の廃棄やリース返却等を行う者は、情報セキュリティ管理者の許可を得なければならない。")]
    [InlineData("6.1(15)③", "職員等は、複数人に電子メールを送信する場合、必要がある場合を除き、他の送信先の電子メールアドレスがわからないようにしなければならない。")]
    [InlineData("1(1)①", "消防長をCISOとする。CISOは本組合におけるすべてのネットワーク、情報システム等の情報資産の管理及び情報セキュリティ対策に関する最終決定権限及び責任を有する。")]
    public void Parse_RepairsPdfNoise(string id, string expected)
    {
        Assert.Equal(expected, Parsed.FindClause(id)!.Text);
    }
}
