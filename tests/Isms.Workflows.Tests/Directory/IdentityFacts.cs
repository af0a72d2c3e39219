using Isms.Workflows.Approvals;
using Isms.Workflows.Cards;
using Isms.Workflows.Tests.Approvals;
using static Isms.Workflows.Tests.Approvals.ApprovalHarness;

namespace Isms.Workflows.Tests.Org;

/// <summary>Finding 11: who someone is comes from their Entra object id when the activity has one; a Teams user id the bot
/// learned counts only when it has none; what people typed reaches cards as text, never as Markdown.</summary>
public sealed class IdentityFacts : IDisposable
{
    private readonly ApprovalHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Fact]
    public void Finding11_AnEntraIdThatMatchesNobody_IsAStranger_EvenWithTheManagersLearnedTeamsId()
    {
        Assert.Null(_h.Directory.Identify(Stranger, SatoTeams).Person);
        Assert.Null(_h.Directory.Identify(Ikeda.Replace('6', '9'), SatoTeams).Person);
    }

    [Fact]
    public void Finding11_AnEntraIdOfSomeoneElse_IsThatPerson_WhateverTeamsIdComesWithIt()
    {
        Assert.Equal("E0006", _h.Directory.Identify(Ikeda, SatoTeams).Person?.Id);
    }

    [Fact]
    public void WithoutAnEntraId_TheLearnedTeamsIdIdentifies()
    {
        Assert.Equal("E0002", _h.Directory.Identify(null, SatoTeams).Person?.Id);
        Assert.Equal("E0002", _h.Directory.Identify("", SatoTeams).Person?.Id);
    }

    [Fact]
    public void Finding11_TheManagersTeamsIdWithAnotherEntraId_CannotDecide()
    {
        var record = _h.Submit();
        _h.Service.Assign(record, "act-submit");

        var result = _h.Decide(record, Stranger, teamsId: SatoTeams);

        Assert.Equal(DecisionOutcome.NotAllowed, result.Outcome);
        Assert.Equal(Requests.RequestStatus.PendingApproval, _h.Load(record.Id).Status);
    }

    [Fact]
    public void Finding11_TheApplicantsTeamsIdWithAnotherEntraId_CannotWithdraw()
    {
        var record = _h.Submit();
        _h.Service.Assign(record, "act-submit");

        var result = _h.Service.Withdraw(record.Id, Stranger, YamadaTeams);

        Assert.Equal(WithdrawOutcome.NotApplicant, result.Outcome);
        Assert.True(record.Applicant.IsSender(YamadaTeams, null));
        Assert.False(record.Applicant.IsSender(YamadaTeams, Stranger));
    }

    [Theory]
    [InlineData("**至急** です", "\\*\\*至急\\*\\* です")]
    [InlineData("[詳細](http://203.0.113.9/x)", "\\[詳細\\](http://203.0.113.9/x)")]
    [InlineData("_下線_ と ~取消~ と `code`", "\\_下線\\_ と \\~取消\\~ と \\`code\\`")]
    [InlineData("- 一つ目\n+ 二つ目\n> 引用\n# 見出し", "\\- 一つ目\n\\+ 二つ目\n\\> 引用\n\\# 見出し")]
    [InlineData("1. 最初\n  2) 次", "1\\. 最初\n  2\\) 次")]
    [InlineData("C:\\temp", "C:\\\\temp")]
    [InlineData("3.5倍、A-1、持出-2026-0001、（括弧）", "3.5倍、A-1、持出-2026-0001、（括弧）")]
    public void Finding11_MarkdownEscape_ShowsTypedTextAsTyped(string typed, string escaped) =>
        Assert.Equal(escaped, Markdown.Escape(typed));

    [Fact]
    public void Finding11_TypedMarkdown_ReachesTheDecisionCards_TheReturnedCard_AndMyRequests_Escaped()
    {
        const string Typed = "**至急** [ここを開く](http://203.0.113.9/x)";
        var record = _h.Submit();
        record.Answers["destination"].Display = Typed;
        _h.Store.Update(record);
        _h.Service.Assign(record, "act-submit");
        var returned = _h.Decide(record, Sato, Decision.Return, comment: Typed);
        var view = returned.View!;

        var cards = new[]
        {
            DecisionCard.Status(view),
            ReturnedCard.Create(_h.Load(record.Id), "佐藤 花子", Typed),
            StatusCardRenderer.MyRequestsCard([_h.Load(record.Id)], [], r => Requests.RecordProgress.Of(r, _h.Service.Find(r.Id), null)),
        };

        foreach (var card in cards)
        {
            var text = AllText(card);
            Assert.Contains(Markdown.Escape(Typed), text, StringComparison.Ordinal);
            Assert.DoesNotMatch(@"(?<!\\)\[ここを開く", text);
            Assert.DoesNotMatch(@"(?<!\\)\*\*至急", text);
        }
    }
}
