using System.Globalization;
using System.Text.Json.Nodes;
using Isms.Workflows.Cards;
using Isms.Workflows.Forms;
using static Isms.Workflows.Cards.CardElements;

namespace Isms.Workflows.Procedures;

/// <summary>The クラウド台帳 card: every approved cloud service with its purpose, 機密性, approver, date and clause.</summary>
public static class CloudRegisterCard
{
    /// <summary>Keeps the card well under Teams' size limit; the newest of a service sorts first anyway.</summary>
    public const int MaxEntries = 40;

    public static JsonObject Create(IReadOnlyList<CloudServiceEntry> entries)
    {
        var card = new AdaptiveCard()
            .Add(TextBlock("クラウド台帳（承認済みクラウドサービス）", TextTone.Heading))
            .Add(TextBlock("利用を申請する前に、同じサービスが承認済みか確認してください。承認済みでも、扱う情報や目的が異なる場合は申請が必要です。"))
            .Add(TextBlock(FormCardRenderer.CitationText(["8.3(5)③", "8.4(2)①", "8.4(2)②"]), TextTone.Help));
        if (entries.Count == 0)
        {
            return card.Add(TextBlock("承認済みのクラウドサービスはまだありません。")).ToJson();
        }

        foreach (var entry in entries.Take(MaxEntries))
        {
            var facts = new List<(string, string)>();
            if (entry.Provider is not null) facts.Add(("提供事業者", entry.Provider));
            facts.Add(("利用目的", entry.Purpose));
            if (entry.Users is not null) facts.Add(("利用範囲", entry.Users));
            if (entry.ServiceManager is not null) facts.Add(("クラウドサービス管理者", entry.ServiceManager));
            facts.Add(("機密性", entry.Confidentiality > 0 ? $"機密性{entry.Confidentiality}まで" : "—"));
            if (entry.Department is not null) facts.Add(("申請所属", entry.Department));
            facts.Add(("承認者", $"{entry.ApprovedByName}さん"));
            facts.Add(("承認日", JapanTime.FormatDate(entry.ApprovedAtTime)));
            facts.Add(("根拠", entry.Clause));
            facts.Add(("申請番号", entry.RecordNumber));
            card.Add(Container([UserText(entry.ServiceName, TextTone.Subheading), FactSet(facts)], separator: true));
        }

        if (entries.Count > MaxEntries)
        {
            card.Add(TextBlock($"ほか{entries.Count - MaxEntries}件があります。全件は情報セキュリティ責任者にお問い合わせください。", TextTone.Help));
        }

        return card.ToJson();
    }
}
