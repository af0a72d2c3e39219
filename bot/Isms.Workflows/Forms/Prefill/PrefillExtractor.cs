using System.Text;
using System.Text.RegularExpressions;

namespace Isms.Workflows.Forms.Prefill;

/// <summary>What the person's own words already say. Values are the forms' choice codes, or text as typed.</summary>
public sealed record PrefillFacts(
    DateMention? Dates,
    TimeOnly? Time,
    string? ItemKind,
    string? MeetingService,
    string? HostOrganisation,
    string? CloudService,
    string? IncidentKind);

/// <summary>Pure extraction of prefill facts from free text ("明日USBで資料持ち出したい", "県のZoomに招待された").</summary>
public static partial class PrefillExtractor
{
    // Order matters: the first match wins (a USB memory is media even when the sentence also says 資料).
    private static readonly (string Pattern, string Code)[] ItemKinds =
    [
        ("USB|ユーエスビー", "usb"),
        ("外付け|SDカード|DVD|CD-?R|HDD|ハードディスク", "other_media"),
        ("スマホ|スマートフォン|携帯電話", "smartphone"),
        ("ノートPC|ノートパソコン|パソコン|PC|タブレット|端末", "terminal"),
        ("書類|紙|ファイル綴|台帳", "paper"),
    ];

    private static readonly (string Pattern, string Code)[] MeetingServices =
    [
        ("zoom|ズーム", "zoom"),
        ("google ?meet|グーグルミート", "google_meet"),
        ("webex|ウェベックス|ウェブエックス", "webex"),
        ("teams|チームズ", "teams"),
    ];

    // Longest names first so that "Dropbox" is not read as "Box" and "LINE WORKS" not as "LINE".
    private static readonly string[] CloudServices =
    [
        "Google ドライブ", "Googleドライブ", "Google Drive", "Google フォーム", "Googleフォーム", "Google Workspace",
        "Microsoft 365", "Microsoft Forms", "LINE WORKS", "LINEWORKS", "サイボウズOffice", "ChatGPT", "Dropbox",
        "OneDrive", "SharePoint", "kintone", "キントーン", "Chatwork", "Backlog", "Notion", "Slack", "Canva",
        "Trello", "Evernote", "iCloud", "ギガファイル便", "firestorage", "Box", "LINE",
    ];

    private static readonly (string Pattern, string Code)[] IncidentKinds =
    [
        ("ウイルス|ウィルス|マルウェア|ランサム|変な添付|不審な添付|怪しい添付|感染", "malware"),
        ("誤送信|送り間違|誤って送|誤送付|誤FAX|誤ファックス", "misdelivery"),
        ("なくし|無くし|失くし|紛失|落とし|置き忘れ|盗まれ|盗難|見当たらない", "loss_theft"),
        ("不正アクセス|乗っ取|不正ログイン", "unauthorized_access"),
        ("漏えい|漏洩|流出", "leak"),
        ("障害|止まっ|動かない|つながらない|繋がらない|ダウン", "outage"),
    ];

    [GeneratedRegex(@"(?<ampm>午前|午後)?(?<h>\d{1,2})時(?!間)(?:(?<half>半)|(?<min>\d{1,2})分)?|(?<h>\d{1,2}):(?<min>\d{2})")]
    private static partial Regex TimePattern();

    [GeneratedRegex(@"(?<org>[\p{IsCJKUnifiedIdeographs}]{1,4}(?:県|市|町|村|省|庁))")]
    private static partial Regex OrganisationPattern();

    [GeneratedRegex(@"^(?<name>[A-Za-z][A-Za-z0-9 .\-]{1,30}?)\s*(?:を|が)?\s*(?:使いたい|使用したい|利用したい|導入したい|使えますか|使っていい)")]
    private static partial Regex ServiceBeforeVerb();

    public static PrefillFacts Extract(string text, DateOnly today, DateDirection direction)
    {
        var normalized = text.Normalize(NormalizationForm.FormKC);
        return new PrefillFacts(
            JapaneseDateExtractor.Extract(normalized, today, direction),
            ExtractTime(normalized),
            FirstCode(normalized, ItemKinds),
            FirstCode(normalized, MeetingServices),
            ExtractHostOrganisation(normalized),
            ExtractCloudService(normalized),
            FirstCode(normalized, IncidentKinds));
    }

    private static string? FirstCode(string text, (string Pattern, string Code)[] table) =>
        table.FirstOrDefault(t => Regex.IsMatch(text, t.Pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)).Code;

    private static TimeOnly? ExtractTime(string text)
    {
        var match = TimePattern().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var hour = int.Parse(match.Groups["h"].Value);
        var minute = match.Groups["half"].Success ? 30 : match.Groups["min"].Success ? int.Parse(match.Groups["min"].Value) : 0;
        if (match.Groups["ampm"].Value == "午後" && hour < 12)
        {
            hour += 12;
        }

        return hour is >= 0 and <= 23 && minute is >= 0 and <= 59 ? new TimeOnly(hour, minute) : null;
    }

    /// <summary>A named body (群馬県, 館林市, 総務省, 消防庁) as typed; a bare 県 means 群馬県.</summary>
    private static string? ExtractHostOrganisation(string text)
    {
        var named = OrganisationPattern().Match(text);
        if (named.Success)
        {
            return named.Groups["org"].Value;
        }

        return text.Contains('県') ? "群馬県" : null;
    }

    private static string? ExtractCloudService(string text)
    {
        foreach (var name in CloudServices)
        {
            var index = text.IndexOf(name, StringComparison.OrdinalIgnoreCase);
            if (index >= 0 && IsWordBoundary(text, index, name.Length))
            {
                return text.Substring(index, name.Length);
            }
        }

        var beforeVerb = ServiceBeforeVerb().Match(text.Trim());
        return beforeVerb.Success ? beforeVerb.Groups["name"].Value.Trim() : null;
    }

    private static bool IsWordBoundary(string text, int index, int length)
    {
        static bool IsAsciiWord(char c) => char.IsAsciiLetterOrDigit(c);
        var before = index == 0 || !IsAsciiWord(text[index - 1]);
        var after = index + length >= text.Length || !IsAsciiWord(text[index + length]);
        return before && after;
    }
}
