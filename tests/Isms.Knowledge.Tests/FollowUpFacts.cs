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
    public void WithoutContext_TheSameFollowUpHasNoSubject()
    {
        var alone = TestAnswerer.Offline.AnswerOffline("それって誰に許可もらうの？", null);
        Assert.NotEqual("5.1(1)③(ウ)", alone.Citations.FirstOrDefault()?.Clause.Id);
    }
}
