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

    /// <summary>A request that already says what, when and where: the issue's three-tap example.</summary>
    public const string OneSentence = "明日から2日間、ノートPCを県の研修に持ち出します";
    public const string AssetNumber = "資産番号・管理番号（任意）";
    public const string Item = "持ち出す物";
    public const string UsbMemory = "電磁的記録媒体（USBメモリ）";
    public const string Confidentiality = "記録されている情報の機密性（最も高いもの）";
    public const string Confidentiality2 = "機密性2（公表を前提としていない情報）";
    public const string Purpose = "持ち出す目的";
    public const string Destination = "持ち出し先";
    public const string StartDate = "持ち出す日";
    public const string EndDate = "返却予定日";
    public const string ProcessOutside = "持ち出した先で情報を処理（閲覧・編集）しますか";
    /// <summary>2(2)⑧(ア): which measure is taken in transport (the default list of Forms:TakeoutMeasures).</summary>
    public const string TransportMeasure = "運搬するときの対策";
    public const string BothMeasures = "暗号化・パスワードを設定し、鍵付きのケースなどに入れる";
    public const string OtherMeasures = "その他の対策（任意）";

    /// <summary>
    /// Starts the form from <see cref="StartSentence"/> (USBメモリ, tomorrow and the day after filled in and not asked),
    /// answers every question the cards ask validly (機密性2, so the transport measures come too) and stops at the
    /// confirmation card, which it returns: pressing 送信 is the caller's, so it can time what follows.
    /// </summary>
    public static async Task<ILocator> FillInUpToConfirmationAsync(ChatPage chat, string purpose, string destination)
    {
        var form = await FormFill.StartAsync(chat, StartSentence, "持ち出し申請");
        CardAnswer[] answers =
        [
            new(Confidentiality, Confidentiality2, AnswerKind.Pick), new(Purpose, purpose), new(Destination, destination),
            new(ProcessOutside, "いいえ", AnswerKind.Pick), new(TransportMeasure, BothMeasures, AnswerKind.Pick),
        ];
        var (confirmation, _) = await FormFill.ToConfirmationAsync(chat, form, "持ち出し申請", answers);
        await FormFill.ShowAllAnswersAsync(confirmation);
        if (!(await chat.CardTextAsync(confirmation)).Contains(destination, StringComparison.Ordinal))
        {
            // The destination started as the one of the person's last request: corrected, as a person would.
            await chat.ClickCardButtonAsync("修正する", confirmation);
            form = await FormFill.SettledCardAsync(chat, "持ち出し申請（1/");
            (confirmation, _) = await FormFill.ToConfirmationAsync(chat, form, "持ち出し申請", answers);
        }

        return confirmation;
    }

    /// <summary>The record number (持出-2026-0001) in a text, or null.</summary>
    public static string? FindRecordNumber(string text) => RecordNumber().Match(text) is { Success: true } match ? match.Value : null;

    [GeneratedRegex(@"持出-\d{4}-\d{4,}")]
    private static partial Regex RecordNumber();
}
