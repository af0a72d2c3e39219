using Isms.EndToEnd.Tests.Harness;
using Microsoft.Playwright;

namespace Isms.EndToEnd.Tests;

/// <summary>
/// Questions in the real client: an answer card with its cited clauses, 全文を見る and 役に立った; and a question the
/// 対策基準 does not cover.
/// </summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "E2E")]
public sealed class QuestionFacts(PlaygroundSession session)
{
    private const string CisoClause = "【1(1)①】";

    [Fact]
    public async Task WhoIsTheCiso_AnswerCardCitesTheClause_ShowsItInFull_AndTakesFeedback()
    {
        var chat = session.Chat;
        await chat.OpenChatAsync();

        await chat.SendAsync("CISOって誰？");
        await chat.WaitForCardAsync(CisoClause);
        var answered = chat.SinceLastAction.Elapsed;
        await chat.WaitForQuietAsync();
        var answer = await chat.WaitForCardAsync(CisoClause, includeEarlier: true);
        var text = await chat.CardTextAsync(answer);
        Assert.Contains("消防長", text);
        Assert.Contains("令和8年4月1日 策定", text);
        // The short answer comes before the first cited clause.
        Assert.True(text.IndexOf("消防長", StringComparison.Ordinal) < text.IndexOf(CisoClause, StringComparison.Ordinal), text);
        var buttons = await chat.CardButtonTitlesAsync(answer);
        Assert.Contains("全文を見る", buttons);
        Assert.Equal(["役に立った", "役に立たなかった"], buttons.Where(b => b.StartsWith("役に立", StringComparison.Ordinal)));
        await answer.ScrollIntoViewIfNeededAsync();
        await session.ScreenshotAsync("answer-card");

        // 全文を見る of the cited 1(1)① (every cited clause has its own button with the same title).
        var cisoClause = answer.Locator(".ac-container").Filter(new() { HasText = CisoClause })
            .Filter(new() { Has = chat.Page.GetByRole(AriaRole.Button, new() { Name = "全文を見る", Exact = true }) }).Last;
        await chat.ClickCardButtonAsync("全文を見る", cisoClause);
        var clauseCard = await chat.WaitForCardAsync(CisoClause);
        var shown = chat.SinceLastAction.Elapsed;
        var clauseText = await chat.CardTextAsync(clauseCard);
        Assert.Contains("消防長をCISOとする", clauseText);
        Assert.Contains("令和8年4月1日 策定", clauseText);
        await chat.WaitForQuietAsync();
        await session.ScreenshotAsync("answer-clause-card");

        answer = await chat.WaitForCardAsync("役に立った", includeEarlier: true);
        await chat.ClickCardButtonAsync("役に立った", answer);
        var thanks = await chat.WaitForTextAsync("ご意見ありがとうございます");
        await thanks.ScrollIntoViewIfNeededAsync();
        await session.ScreenshotAsync("answer-feedback");

        Timings.Record(session, $"CISOって誰？ → answer card {answered.TotalMilliseconds:0} ms; 全文を見る → clause card {shown.TotalMilliseconds:0} ms");
    }

    [Fact]
    public async Task AQuestionOutsideThePolicy_SaysTheStandardHasNoSuchClause()
    {
        var chat = session.Chat;
        await chat.OpenChatAsync();

        await chat.SendAsync("有給休暇は何日とれる？");
        var reply = await chat.WaitForTextAsync("対策基準には該当する規定がありません");
        var elapsed = chat.SinceLastAction.Elapsed;
        await chat.WaitForQuietAsync();

        Assert.DoesNotContain("【", await reply.InnerTextAsync());
        await reply.ScrollIntoViewIfNeededAsync();
        await session.ScreenshotAsync("answer-out-of-scope");
        Timings.Record(session, $"有給休暇は何日とれる？ → not-covered reply {elapsed.TotalMilliseconds:0} ms");
    }
}
