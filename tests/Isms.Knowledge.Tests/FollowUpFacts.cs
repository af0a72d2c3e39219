namespace Isms.Knowledge.Tests;

public class FollowUpFacts
{
    [Fact]
    public void FollowUp_KeepsThePreviousSubject()
    {
        var answerer = TestAnswerer.Offline;
        var first = answerer.AnswerOffline("テレワークで自宅作業したい", null);
        Assert.Equal("5.1(1)③(ウ)", first.Citations[0].Clause.Id);

        var context = new AnswerContext("テレワークで自宅作業したい", first.Citations.Select(c => c.Clause.Id).ToList());
        var followUp = answerer.AnswerOffline("それって誰に許可もらうの？", context);

        Assert.Equal(PolicyIntent.Answer, followUp.Intent);
        Assert.Equal("5.1(1)③(ウ)", followUp.Citations[0].Clause.Id);
    }

    [Fact]
    public void TheSameFollowUp_AfterAnotherSubject_AnswersThatSubject()
    {
        var answerer = TestAnswerer.Offline;
        const string previous = "ブログやXで仕事のことを発信したい";
        var first = answerer.AnswerOffline(previous, null);
        var followUp = answerer.AnswerOffline("それって誰に許可もらうの？", new AnswerContext(previous, first.Citations.Select(c => c.Clause.Id).ToList()));
        Assert.NotEqual("5.1(1)③(ウ)", followUp.Citations[0].Clause.Id);
        Assert.StartsWith("6.1(22)", followUp.Citations[0].Clause.Id, StringComparison.Ordinal);
    }
}
