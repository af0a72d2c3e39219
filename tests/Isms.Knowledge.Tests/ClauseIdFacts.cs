namespace Isms.Knowledge.Tests;

public class ClauseIdFacts
{
    [Theory]
    [InlineData("2.(2)⑧(イ)", "2(2)⑧(イ)")]
    [InlineData("２（２）⑧（イ）", "2(2)⑧(イ)")]
    [InlineData("4.3.①", "4.3①")]
    [InlineData(" 5.1. (1) ③ (ウ) ", "5.1(1)③(ウ)")]
    [InlineData("2(2)⑧イ", "2(2)⑧(イ)")]
    [InlineData("8.4(1)(ｱ)", "8.4(1)(ア)")]
    [InlineData("別表２", "別表2")]
    [InlineData("6.1(15)④", "6.1(15)④")]
    public void FindClause_AcceptsLooselyTypedIds(string typed, string expected)
    {
        Assert.Equal(expected, TestData.Document.FindClause(typed)?.Id);
    }

    [Theory]
    [InlineData("")]
    [InlineData("テレワーク")]
    [InlineData("99(9)")]
    public void FindClause_ReturnsNull_ForNonIds(string typed)
    {
        Assert.Null(TestData.Document.FindClause(typed));
    }

    [Fact]
    public void FindClauseWithItems_ReturnsTheLeadInAndItsItems()
    {
        var ids = TestData.Document.FindClauseWithItems("7.3.(2)").Select(c => c.Id);
        Assert.Equal(["7.3(2)", "7.3(2)①", "7.3(2)②", "7.3(2)③", "7.3(2)④"], ids);
    }
}
