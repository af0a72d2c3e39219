using Isms.EndToEnd.Tests.Harness;

namespace Isms.EndToEnd.Tests;

/// <summary>
/// Approvals in the real client, two people at once: 山田 (警防課) files a 持ち出し申請 in the main Playground and
/// 佐藤 花子, 警防課's 情報セキュリティ管理者, decides it on the decision card in a second Playground beside it. The bot
/// reaches each of them proactively, through the conversation it stored when they opened their chat.
/// </summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "E2E")]
public sealed class ApprovalFacts(PlaygroundSession session) : EndToEndFacts(session)
{
    private const string DecisionCardTitle = "持ち出し申請の承認依頼";
    private const string Comment = "コメント（差戻し・却下のときは必須）";

    [Fact]
    public async Task TakeoutRequest_ApprovedByTheManagerOnTheDecisionCard_TheApplicantIsTold()
    {
        var (applicant, approver) = await OpenBothChatsAsync();
        var confirmation = await TakeoutForm.FillInUpToConfirmationAsync(applicant, "県の会議で説明に使うため", "群馬県庁");

        // 送信 on 山田's side; the decision card comes to 佐藤's screen.
        await ScreenClock.WatchAsync(approver.Page, DecisionCardTitle);
        var sent = await ScreenClock.NowAsync(applicant.Page);
        await applicant.ClickCardButtonAsync("送信", confirmation);
        var number = await ReceiptNumberAsync(applicant);
        var card = await approver.WaitForCardAsync(number);
        var toApprover = await ScreenClock.ElapsedUntilSeenAsync(sent, approver.Page, DecisionCardTitle);
        await applicant.WaitForQuietAsync(TimeSpan.FromMilliseconds(500));
        // He is not told that the approver could not be reached: she could.
        Assert.DoesNotContain(await applicant.BotTextsSinceLastActionAsync(), t => t.Contains("通知できませんでした", StringComparison.Ordinal));
        await ScreenshotAsync(applicant, "approval-1-applicant-submitted");

        var text = await approver.CardTextAsync(card);
        foreach (var expected in new[] { number, SampleOrg.Yamada.Name, SampleOrg.Yamada.Department, "機密性2", "群馬県庁", "5.1(1)③(イ)" })
        {
            Assert.Contains(expected, text);
        }

        Assert.Equal(["承認", "差戻し", "却下"], await approver.CardButtonTitlesAsync(card));
        await WholeCardScreenshotAsync(approver, card, "approval-2-approver-card");

        // 承認 on 佐藤's card: her card turns into the status, and 山田 is told.
        await ScreenClock.WatchAsync(applicant.Page, "承認されました");
        var approved = await ScreenClock.NowAsync(approver.Page);
        await approver.ClickCardButtonAsync("承認", card);
        var result = await applicant.WaitForTextAsync("承認されました");
        var toApplicant = await ScreenClock.ElapsedUntilSeenAsync(approved, applicant.Page, "承認されました");
        Assert.Contains($"{number}）が{SampleOrg.Sato.Name}さんにより承認されました", await result.InnerTextAsync());
        var status = await approver.WaitForCardAsync($"承認済み（{SampleOrg.Sato.Name}さん", includeEarlier: true);
        Assert.Empty(await approver.CardButtonTitlesAsync(status));
        Assert.Contains("判断の記録", await approver.CardTextAsync(status));
        await status.ScrollIntoViewIfNeededAsync();
        await ScreenshotAsync(approver, "approval-3-approver-decided");
        await result.ScrollIntoViewIfNeededAsync();
        await ScreenshotAsync(applicant, "approval-4-applicant-told");

        Timings.Record(Session, $"承認: 送信 → decision card on the approver's screen {toApprover.TotalMilliseconds:0} ms; " +
            $"承認 → result on the applicant's screen {toApplicant.TotalMilliseconds:0} ms");
    }

    [Fact]
    public async Task ReturnWithoutAComment_ShowsWhyUnderTheComment_AndWithOneTheApplicantGetsItBack()
    {
        var (applicant, approver) = await OpenBothChatsAsync();
        var confirmation = await TakeoutForm.FillInUpToConfirmationAsync(applicant, "訓練計画の打合せに使うため", "邑楽消防署");
        await applicant.ClickCardButtonAsync("送信", confirmation);
        var card = await approver.WaitForCardAsync(await ReceiptNumberAsync(applicant));
        await approver.WaitForQuietAsync(TimeSpan.FromMilliseconds(500));

        // 差戻し needs a reason: the card stays, with the bot's message in red under the comment box.
        await approver.ClickCardButtonAsync("差戻し", card);
        card = await approver.WaitForCardAsync("理由をコメントに入力してください", includeEarlier: true);
        Assert.Equal("差戻しの理由をコメントに入力してください。", await approver.ReadFieldErrorAsync(Comment, card));
        Assert.Equal(["承認", "差戻し", "却下"], await approver.CardButtonTitlesAsync(card));
        await (await CardInputs.FindAsync(card, Comment)).ScrollIntoViewIfNeededAsync();
        await ScreenshotAsync(approver, "approval-return-needs-comment");

        // With a reason it goes back to 山田, reason included.
        const string reason = "返却予定日を打合せの翌日までにしてください。";
        await approver.FillCardInputAsync(Comment, reason, card);
        await approver.ClickCardButtonAsync("差戻し", card);
        var returned = await applicant.WaitForTextAsync("差し戻されました");
        Assert.Contains(reason, await returned.InnerTextAsync());
        var status = await approver.WaitForCardAsync($"差戻し（{SampleOrg.Sato.Name}", includeEarlier: true);
        Assert.Contains(reason, await approver.CardTextAsync(status));
        Assert.Empty(await approver.CardButtonTitlesAsync(status));
        await returned.ScrollIntoViewIfNeededAsync();
        await ScreenshotAsync(applicant, "approval-return-applicant-told");
    }

    /// <summary>山田's chat (the main Playground) and 佐藤's beside it, both open on the personal chat.</summary>
    private async Task<(ChatPage Applicant, ChatPage Approver)> OpenBothChatsAsync()
    {
        Assert.Equal(SampleOrg.Yamada, Session.CurrentUser);
        var approver = await Session.OpenSecondChatAsync(SampleOrg.Sato);
        await approver.OpenChatAsync();
        var applicant = Session.Chat;
        await applicant.OpenChatAsync();
        return (applicant, approver);
    }

    /// <summary>
    /// The 受付番号 on the applicant's receipt. The approver's card is found by it: her chat may also show the card of
    /// an earlier request that could not reach her then (the outbox delivers it once she opens her chat).
    /// </summary>
    private static async Task<string> ReceiptNumberAsync(ChatPage applicant)
    {
        var receipt = await applicant.WaitForTextAsync("持出-");
        var number = TakeoutForm.FindRecordNumber(await receipt.InnerTextAsync());
        Assert.NotNull(number);
        return number;
    }

    private static Task<string> ScreenshotAsync(ChatPage chat, string name) => Screenshots.SaveAsync(chat.Page, name);

    /// <summary>The decision card is taller than the window: make the window tall enough for one screenshot of all of it.</summary>
    private static async Task WholeCardScreenshotAsync(ChatPage chat, Microsoft.Playwright.ILocator card, string name)
    {
        var normal = chat.Page.ViewportSize!;
        var box = await card.BoundingBoxAsync();
        await chat.Page.SetViewportSizeAsync(normal.Width, Math.Max(normal.Height, (int)(box?.Height ?? 0) + 400));
        try
        {
            await card.ScrollIntoViewIfNeededAsync();
            await ScreenshotAsync(chat, name);
        }
        finally
        {
            await chat.Page.SetViewportSizeAsync(normal.Width, normal.Height);
        }
    }
}
