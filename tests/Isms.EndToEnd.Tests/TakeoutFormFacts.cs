using Isms.EndToEnd.Tests.Harness;
using static Isms.EndToEnd.Tests.Harness.TakeoutForm;

namespace Isms.EndToEnd.Tests;

/// <summary>
/// 持ち出し申請 in the real client, as the forms issue describes it: a person files it from one sentence, corrects a
/// field after the bot's validation error, submits, sees the record number and finds it again under 申請状況.
/// 山田 is in the org directory, so the bot knows his department and the form does not ask for it.
/// </summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "E2E")]
public sealed class TakeoutFormFacts(PlaygroundSession session)
{
    [Fact]
    public async Task TakeoutRequest_FromOneSentence_CorrectedAfterAValidationError_IsSubmittedWithARecordNumber()
    {
        var chat = session.Chat;
        await chat.OpenChatAsync();
        var today = TodayInJapan();
        var tomorrow = today.AddDays(1);
        var dayAfter = today.AddDays(2);

        // 1. The sentence starts the form with what it said already filled in.
        await chat.SendAsync(StartSentence);
        await chat.WaitForCardAsync("持ち出し申請（1/2）");
        var opened = chat.SinceLastAction.Elapsed;
        await chat.WaitForQuietAsync(); // a late message would re-render the card and drop what is typed
        var form = await chat.WaitForCardAsync("持ち出し申請（1/2）", includeEarlier: true);
        Assert.Contains("メッセージから分かる項目を入力しておきました", await chat.CardTextAsync(form));
        Assert.True(await chat.IsCardChoiceSelectedAsync(Item, UsbMemory, form), "持ち出す物 should be prefilled with USBメモリ");
        Assert.Equal(OnScreen(tomorrow), await chat.CardInputValueAsync(StartDate, form));
        Assert.Equal(OnScreen(dayAfter), await chat.CardInputValueAsync(EndDate, form));
        await form.GetByText("メッセージから分かる項目を入力しておきました").ScrollIntoViewIfNeededAsync();
        await session.ScreenshotAsync("takeout-prefilled");

        // 2. Everything filled in, but the return date before the departure: only the bot can see that.
        await Assert.ThrowsAsync<InvalidOperationException>(() => chat.CardInputValueAsync("所属", form)); // known from the directory
        await chat.SelectCardChoiceAsync(Confidentiality, Confidentiality2);
        await chat.FillCardInputAsync(Purpose, "県の会議で説明に使うため");
        await chat.FillCardInputAsync(Destination, "群馬県庁");
        await chat.SelectCardChoiceAsync(ProcessOutside, "いいえ");
        await chat.FillCardInputAsync(EndDate, Iso(today));
        Assert.Equal(OnScreen(today), await chat.CardInputValueAsync(EndDate, form));
        Assert.Empty(await chat.ReadValidationMessagesAsync(form));

        await chat.ClickCardButtonAsync("次へ", form);
        await chat.WaitForCardAsync("入力内容を確認してください（1件）");
        var validated = chat.SinceLastAction.Elapsed;
        await chat.WaitForQuietAsync();
        form = await chat.WaitForCardAsync("入力内容を確認してください（1件）", includeEarlier: true);
        Assert.Equal("返却予定日は持ち出す日と同じか、それより後の日付にしてください。", await chat.ReadFieldErrorAsync(EndDate, form));
        Assert.Null(await chat.ReadFieldErrorAsync(StartDate, form));
        // What was typed and picked is still there.
        Assert.True(await chat.IsCardChoiceSelectedAsync(Item, UsbMemory, form));
        Assert.True(await chat.IsCardChoiceSelectedAsync(Confidentiality, Confidentiality2, form));
        Assert.Equal("県の会議で説明に使うため", await chat.CardInputValueAsync(Purpose, form));
        Assert.Equal("群馬県庁", await chat.CardInputValueAsync(Destination, form));
        Assert.Equal(OnScreen(tomorrow), await chat.CardInputValueAsync(StartDate, form));
        Assert.Equal(OnScreen(today), await chat.CardInputValueAsync(EndDate, form));
        Assert.True(await chat.IsCardChoiceSelectedAsync(ProcessOutside, "いいえ", form));
        await form.GetByText("返却予定日は持ち出す日と同じか").ScrollIntoViewIfNeededAsync();
        await session.ScreenshotAsync("takeout-validation");

        // 3. Corrected; step 2 asks for the measures 機密性2 needs.
        await chat.FillCardInputAsync(EndDate, Iso(dayAfter), form);
        await chat.ClickCardButtonAsync("次へ", form);
        await chat.WaitForCardAsync("持ち出し申請（2/2）");
        await chat.WaitForQuietAsync();
        var measures = await chat.WaitForCardAsync("持ち出し申請（2/2）", includeEarlier: true);
        await chat.SetCardToggleAsync(Encryption, true, measures);
        await chat.SetCardToggleAsync(LockedCase, true, measures);
        await chat.FillCardInputAsync(OtherMeasures, "パスワード付きで保存しました", measures);
        await chat.ClickCardButtonAsync("次へ", measures);

        // 4. The confirmation shows the answers.
        await chat.WaitForCardAsync("持ち出し申請の内容確認");
        await chat.WaitForQuietAsync();
        var confirmation = await chat.WaitForCardAsync("持ち出し申請の内容確認", includeEarlier: true);
        var confirmed = await chat.CardTextAsync(confirmation);
        foreach (var expected in new[]
                 {
                     SampleOrg.Yamada.Name, SampleOrg.Yamada.Department, UsbMemory, Confidentiality2, "県の会議で説明に使うため", "群馬県庁",
                     OnConfirmation(tomorrow), OnConfirmation(dayAfter), Encryption, LockedCase, "確認しました", "パスワード付きで保存しました",
                 })
        {
            Assert.Contains(expected, confirmed);
        }

        Assert.Equal(["送信", "修正する", "キャンセル"], await chat.CardButtonTitlesAsync(confirmation));
        await confirmation.ScrollIntoViewIfNeededAsync();
        await session.ScreenshotAsync("takeout-confirm");

        // 5. Sent: the record number is on screen.
        await chat.ClickCardButtonAsync("送信", confirmation);
        var receipt = await chat.WaitForTextAsync("持出-");
        var submitted = chat.SinceLastAction.Elapsed;
        await chat.WaitForQuietAsync();
        var number = FindRecordNumber(await receipt.InnerTextAsync());
        Assert.True(number is not null, $"no record number in 「{await receipt.InnerTextAsync()}」");
        Assert.StartsWith($"持出-{today.Year}-", number);
        await receipt.ScrollIntoViewIfNeededAsync();
        await session.ScreenshotAsync("takeout-submitted");

        // 6. 申請状況 lists it.
        await chat.SendAsync("申請状況");
        var status = await chat.WaitForTextAsync(number);
        await chat.WaitForQuietAsync();
        Assert.Contains(number, await status.InnerTextAsync());
        await status.ScrollIntoViewIfNeededAsync();
        await session.ScreenshotAsync("takeout-status");

        Timings.Record(session, $"持ち出し申請: sentence → form {opened.TotalMilliseconds:0} ms; 次へ → validation card {validated.TotalMilliseconds:0} ms; 送信 → record number {submitted.TotalMilliseconds:0} ms");
    }

    private static DateOnly TodayInJapan() =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo")).DateTime);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A date as the client's date picker shows it in a ja-JP browser.</summary>
    private static string OnScreen(DateOnly date) => $"{date.Year}年{date.Month}月{date.Day}日";

    /// <summary>A date as the bot writes it on the confirmation card: 2026年11月27日（金）.</summary>
    private static string OnConfirmation(DateOnly date) => $"{date.Year}年{date.Month}月{date.Day}日（{"日月火水木金土"[(int)date.DayOfWeek]}）";
}
