using Isms.EndToEnd.Tests.Harness;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Isms.EndToEnd.Tests;

/// <summary>
/// Questions in the real client: an answer card that concludes first and cites its clause, related clauses behind a
/// toggle, 全文を見る for a long clause, the form an answer leads to, 役に立った; and a question the 対策基準 does not cover.
/// </summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "E2E")]
public sealed class QuestionFacts(PlaygroundSession session) : EndToEndFacts(session)
{
    private const string CisoClause = "【1(1)①】";

    [Fact]
    public async Task WhoIsTheCiso_AnswerCardConcludesFirst_CitesTheClause_ShowsRelatedClausesOnATap_AndTakesFeedback()
    {
        var chat = Session.Chat;
        await chat.OpenChatAsync();

        await chat.SendAsync("CISOって誰？");
        await chat.WaitForCardAsync(CisoClause);
        var answered = chat.SinceLastAction.Elapsed;
        await chat.WaitForQuietAsync();
        var answer = await chat.WaitForCardAsync(CisoClause, includeEarlier: true);
        var text = await chat.CardTextAsync(answer);
        Assert.StartsWith("CISOは消防長です。", text, StringComparison.Ordinal);
        Assert.Contains("令和8年4月1日 策定", text);
        // The conclusion comes before the clause it rests on.
        Assert.True(text.IndexOf("消防長", StringComparison.Ordinal) < text.IndexOf(CisoClause, StringComparison.Ordinal), text);
        var buttons = await chat.CardButtonTitlesAsync(answer);
        Assert.DoesNotContain("全文を見る", buttons); // 1(1)① is quoted whole
        Assert.Equal(["役に立った", "役に立たなかった"], buttons.Where(b => b.StartsWith("役に立", StringComparison.Ordinal)));
        await answer.ScrollIntoViewIfNeededAsync();
        await Session.ScreenshotAsync("answer-card");

        // The related clauses are hidden until the one toggle is tapped.
        var related = answer.GetByText("【1(1)⑤】", new() { Exact = false });
        Assert.False(await related.IsVisibleAsync());
        await answer.GetByText("関連する条項", new() { Exact = false }).First.ClickAsync();
        await related.WaitForAsync(new() { State = WaitForSelectorState.Visible });
        await Session.ScreenshotAsync("answer-related-clauses");

        await chat.ClickCardButtonAsync("役に立った", answer);
        var thanks = await chat.WaitForTextAsync("ご意見ありがとうございます");
        await thanks.ScrollIntoViewIfNeededAsync();
        await Session.ScreenshotAsync("answer-feedback");

        Timings.Record(Session, $"CISOって誰？ → answer card {answered.TotalMilliseconds:0} ms");
    }

    [Fact]
    public async Task ALongClause_OffersItsFullText()
    {
        var chat = Session.Chat;
        await chat.OpenChatAsync();

        await chat.SendAsync("クラウドサービスに機密性2の情報を保存してもいい？");
        var answer = await chat.WaitForCardAsync("全文を見る");
        await chat.WaitForQuietAsync();
        answer = await chat.WaitForCardAsync("全文を見る", includeEarlier: true);
        var cited = Regex.Match(await chat.CardTextAsync(answer), "【(?<id>[^】]+)】").Groups["id"].Value;

        await chat.ClickCardButtonAsync("全文を見る", answer);
        var clauseCard = await chat.WaitForCardAsync($"【{cited}】");
        var shown = chat.SinceLastAction.Elapsed;
        Assert.Contains("令和8年4月1日 策定", await chat.CardTextAsync(clauseCard));
        await chat.WaitForQuietAsync();
        await Session.ScreenshotAsync("answer-clause-card");
        Timings.Record(Session, $"全文を見る → clause card {shown.TotalMilliseconds:0} ms");
    }

    [Fact]
    public async Task AnAnswerAboutTakingThingsOut_StartsTheTakeoutFormFromItsButton()
    {
        var chat = Session.Chat;
        await chat.OpenChatAsync();

        await chat.SendAsync("USBで資料を持ち出してもいい？");
        await chat.WaitForCardAsync("持ち出し申請を始める");
        await chat.WaitForQuietAsync();
        var answer = await chat.WaitForCardAsync("持ち出し申請を始める", includeEarlier: true);
        Assert.Contains($"情報セキュリティ管理者は{SampleOrg.Sato.Name}さんです", await chat.CardTextAsync(answer));

        await chat.ClickCardButtonAsync("持ち出し申請を始める", answer);
        var form = await chat.WaitForCardAsync("キャンセル");
        var started = chat.SinceLastAction.Elapsed;
        Assert.Contains("持ち出し申請", await chat.CardTextAsync(form));
        await Session.ScreenshotAsync("answer-starts-takeout");

        // Leave no draft behind for the other scenarios of the session.
        await chat.WaitForQuietAsync();
        await chat.ClickCardButtonAsync("キャンセル", await chat.WaitForCardAsync("キャンセル", includeEarlier: true));
        await chat.WaitForReplyAsync();
        Timings.Record(Session, $"持ち出し申請を始める → form {started.TotalMilliseconds:0} ms");
    }

    // A plan that asks about the rules around it is answered first; the form it may need is one tap away.
    [Fact]
    public async Task APlanThatAsksAboutItsRules_IsAnswered_AndOffersTheWebMeetingForm()
    {
        var chat = Session.Chat;
        await chat.OpenChatAsync();

        await chat.SendAsync("来週Teams会議に業者さんも入れる予定。そもそも手順って誰が決めてるの？");
        await chat.WaitForCardAsync("Web会議申請を始める");
        await chat.WaitForQuietAsync();
        var answer = await chat.WaitForCardAsync("Web会議申請を始める", includeEarlier: true);
        Assert.Contains("6.1(21)①", await chat.CardTextAsync(answer));
        await answer.ScrollIntoViewIfNeededAsync();
        await Session.ScreenshotAsync("answer-plan-offers-web-meeting");

        await chat.ClickCardButtonAsync("Web会議申請を始める", answer);
        var form = await chat.WaitForCardAsync("キャンセル");
        Assert.Contains("Web会議", await chat.CardTextAsync(form));
        await chat.WaitForQuietAsync();
        await chat.ClickCardButtonAsync("キャンセル", await chat.WaitForCardAsync("キャンセル", includeEarlier: true));
        await chat.WaitForReplyAsync();
    }

    // After something went wrong, the answer leads with what to do now (report it: 5.3(1)①), not with how thefts are
    // prevented (4.4①), and offers the incident report one tap away.
    [Fact]
    public async Task WhatToDoAfterATheft_LeadsWithTheDutyToReport_AndOffersTheIncidentForm()
    {
        var chat = Session.Chat;
        await chat.OpenChatAsync();

        await chat.SendAsync("タブレットを盗まれたときはどう対応すればいい？");
        await chat.WaitForCardAsync("インシデント報告を始める");
        var elapsed = chat.SinceLastAction.Elapsed;
        await chat.WaitForQuietAsync();
        var answer = await chat.WaitForCardAsync("インシデント報告を始める", includeEarlier: true);
        var text = await chat.CardTextAsync(answer);
        Assert.Equal("5.3(1)①", Regex.Match(text, "【(?<id>[^】]+)】").Groups["id"].Value);
        await answer.ScrollIntoViewIfNeededAsync();
        await Session.ScreenshotAsync("answer-after-theft");
        Timings.Record(Session, $"タブレットを盗まれたときは… → answer card {elapsed.TotalMilliseconds:0} ms");
    }

    [Fact]
    public async Task AQuestionOutsideThePolicy_SaysTheStandardHasNoSuchClause()
    {
        var chat = Session.Chat;
        await chat.OpenChatAsync();

        await chat.SendAsync("有給休暇は何日とれる？");
        var reply = await chat.WaitForTextAsync("対策基準には該当する規定がありません");
        var elapsed = chat.SinceLastAction.Elapsed;
        await chat.WaitForQuietAsync();

        Assert.DoesNotContain("【", await reply.InnerTextAsync());
        await reply.ScrollIntoViewIfNeededAsync();
        await Session.ScreenshotAsync("answer-out-of-scope");
        Timings.Record(Session, $"有給休暇は何日とれる？ → not-covered reply {elapsed.TotalMilliseconds:0} ms");
    }
}
