using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Isms.EndToEnd.Tests.Harness;

/// <summary>
/// The 持ち出し申請 form as the person filing it sees it: field labels and choices as the bot's cards show them, and a
/// straight run through the form (no mistakes) for tests about what happens after it is sent.
/// </summary>
public static partial class TakeoutForm
{
    public const string StartSentence = "明日から2日間USBメモリで資料を持ち出したい";
    public const string Item = "持ち出す物";
    public const string UsbMemory = "電磁的記録媒体（USBメモリ）";
    public const string Confidentiality = "記録されている情報の機密性（最も高いもの）";
    public const string Confidentiality2 = "機密性2（公表を前提としていない情報）";
    public const string Purpose = "持ち出す目的";
    public const string Destination = "持ち出し先";
    public const string StartDate = "持ち出す日";
    public const string EndDate = "返却予定日";
    public const string ProcessOutside = "持ち出した先で情報を処理（閲覧・編集）しますか";
    public const string Encryption = "暗号化またはパスワードを設定しました";
    public const string LockedCase = "鍵付きのケースなどに入れて運搬します";
    public const string OtherMeasures = "その他の対策（任意）";

    /// <summary>
    /// Starts the form from <see cref="StartSentence"/> (USBメモリ, tomorrow and the day after prefilled), answers
    /// every field validly (機密性2, so the step with the transport measures comes too) and stops at the confirmation
    /// card, which it returns: pressing 送信 is the caller's, so it can time what follows.
    /// </summary>
    public static async Task<ILocator> FillInUpToConfirmationAsync(ChatPage chat, string purpose, string destination)
    {
        await chat.SendAsync(StartSentence);
        var form = await WaitForSettledCardAsync(chat, "持ち出し申請（1/2）");
        await chat.SelectCardChoiceAsync(Confidentiality, Confidentiality2, form);
        await chat.FillCardInputAsync(Purpose, purpose, form);
        await chat.FillCardInputAsync(Destination, destination, form);
        await chat.SelectCardChoiceAsync(ProcessOutside, "いいえ", form);
        await chat.ClickCardButtonAsync("次へ", form);

        var measures = await WaitForSettledCardAsync(chat, "持ち出し申請（2/2）");
        await chat.SetCardToggleAsync(Encryption, true, measures);
        await chat.SetCardToggleAsync(LockedCase, true, measures);
        await chat.ClickCardButtonAsync("次へ", measures);

        return await WaitForSettledCardAsync(chat, "持ち出し申請の内容確認");
    }

    /// <summary>The record number (持出-2026-0001) in a text, or null.</summary>
    public static string? FindRecordNumber(string text) => RecordNumber().Match(text) is { Success: true } match ? match.Value : null;

    /// <summary>Waits for the card, lets any later message arrive (it would re-render the card and drop typed input), and finds it again.</summary>
    private static async Task<ILocator> WaitForSettledCardAsync(ChatPage chat, string textContains)
    {
        await chat.WaitForCardAsync(textContains);
        await chat.WaitForQuietAsync(TimeSpan.FromMilliseconds(500));
        return await chat.WaitForCardAsync(textContains, includeEarlier: true);
    }

    [GeneratedRegex(@"持出-\d{4}-\d{4,}")]
    private static partial Regex RecordNumber();
}
