using Isms.Workflows;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Isms.Bot.Tests.Forms;
using Isms.Bot.Tests.Pipeline;
using Isms.Bot.Tests.Procedures;
using Isms.Workflows.Forms;
using Microsoft.Extensions.Time.Testing;
using static Isms.Bot.Tests.Pipeline.TeamsActivities;

namespace Isms.Bot.Tests.Approvals;

/// <summary>
/// The approval facts' <see cref="BotHost"/>: its own loopback connector, a fake clock fixed at Thursday 2026-11-26 10:00
/// (Japan time) and the sample directory in which 池田 誠司 acts for 佐藤 花子 from 11-25 to 11-27 (when
/// <c>deputyActive</c>); and the people of that directory.
/// </summary>
internal static class ApprovalHost
{
    public static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 0, 0, JapanTime.Offset);

    // People of the sample directory (bot/Isms.Workflows/data/org-directory.sample.yaml).
    public static readonly TeamsUser Applicant = new("29:yamada-dir", "山田 太郎", "00000000-0000-4000-8000-000000000001");
    public static readonly TeamsUser Manager = new("29:sato-dir", "佐藤 花子", "00000000-0000-4000-8000-000000000002");
    public static readonly TeamsUser Officer = new("29:suzuki-dir", "鈴木 一郎", "00000000-0000-4000-8000-000000000003");
    public static readonly TeamsUser Deputy = new("29:ikeda-dir", "池田 誠司", "00000000-0000-4000-8000-000000000006");
    public static readonly TeamsUser Stranger = new("29:stranger", "部外 者", "99999999-0000-4000-8000-000000000999");

    public const string ApprovalsChannel = "19:approvals@thread.tacv2";
    public const string AdminChannel = "19:admin@thread.tacv2";

    public static Task<BotHost> StartAsync(string dataDirectory, bool deputyActive = false, bool twoSteps = false,
        string? approvalsChannel = null, string? adminChannel = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Directory:Path"] = WriteDirectory(dataDirectory, deputyActive),
            ["Directory:Watch"] = "false",
            ["Channels:ApprovalsChannelId"] = approvalsChannel,
            ["Channels:AdminChannelId"] = adminChannel,
        };
        if (twoSteps)
        {
            settings["Routing:RulesPath"] = WriteTwoStepRules(dataDirectory);
        }

        return BotHost.StartAsync(dataDirectory, settings, new FakeTimeProvider(Now));
    }

    /// <summary>山田's 持ち出し申請 (機密性1, USB), filed through the form; returns its number (the replies are the host's LastReplies).</summary>
    public static async Task<string> FileTakeout(this BotHost host, TeamsUser applicant)
    {
        var today = JapanTime.Today(host.Time);
        return await host.FileAsync(applicant, "持ち出し申請",
        [
            ("itemKind", "usb"), ("assetNumber", "USB-012"), ("confidentiality", "1"), ("purpose", "県の会議で説明に使うため"),
            ("destination", "群馬県庁"), ("startDate", FieldValues.FormatDate(today.AddDays(1))), ("endDate", FieldValues.FormatDate(today.AddDays(2))),
            ("processOutside", "no"), ("otherMeasures", "パスワード付きで保存しました"),
        ]);
    }

    public static JsonObject UpdatedCard(JsonObject activity) => activity["attachments"]![0]!["content"]!.AsObject();

    public static string Json(JsonNode node) => node.ToJsonString(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    private static string WriteDirectory(string dataDirectory, bool deputyActive)
    {
        var sample = File.ReadAllText(Path.Combine(RepoPaths.RepoRoot, "bot", "Isms.Workflows", "data", "org-directory.sample.yaml"));
        Assert.Contains("from: 2026-08-10", sample, StringComparison.Ordinal);
        var text = deputyActive
            ? sample.Replace("from: 2026-08-10", "from: 2026-11-25", StringComparison.Ordinal).Replace("until: 2026-08-16", "until: 2026-11-27", StringComparison.Ordinal)
            : sample;
        var path = Path.Combine(dataDirectory, "org-directory.yaml");
        File.WriteAllText(path, text);
        return path;
    }

    private static string WriteTwoStepRules(string dataDirectory)
    {
        const string OneStep = """      - { action: Approve, role: SecurityManager, clause: "5.1(1)③(イ)" }""";
        const string TwoSteps = """
                  - { stage: 1, action: Approve, role: SecurityManager, clause: "5.1(1)③(イ)" }
                  - { stage: 2, action: Approve, role: SecurityOfficer, clause: "5.1(1)③(イ)" }
            """;
        var shipped = File.ReadAllText(Path.Combine(RepoPaths.RepoRoot, "bot", "Isms.Workflows", "data", "routing-rules.yaml"));
        Assert.Contains(OneStep, shipped, StringComparison.Ordinal);
        var path = Path.Combine(dataDirectory, "routing-rules.yaml");
        File.WriteAllText(path, shipped.Replace(OneStep, TwoSteps.TrimEnd('\n'), StringComparison.Ordinal));
        return path;
    }
}
