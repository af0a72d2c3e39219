using System.Text.RegularExpressions;
using Isms.Workflows.Cards;
using Isms.Workflows.Forms;
using Isms.Workflows.Tests.Support;

namespace Isms.Workflows.Tests;

/// <summary>The page counter in a form's heading (「（2/4）」) and the confirmation card, walked by command.</summary>
public sealed partial class FormPageNumberFacts : IDisposable
{
    private readonly FormHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    public static TheoryData<string> Walks => new(WalkAnswers.Keys);

    private static readonly Dictionary<string, (FormKind Kind, (string, string)[] Answers)> WalkAnswers = new()
    {
        ["takeout.public"] = (FormKind.TakeoutRequest, TakeoutRequestFacts.Answers()),
        ["takeout.confidential-outside"] = (FormKind.TakeoutRequest,
            [.. TakeoutRequestFacts.Answers(confidentiality: "2", processOutside: "yes"), ("outsideWorkPlace", "県庁 会議室"), ("transportMeasure", "暗号化・パスワードを設定する")]),
        ["misdelivery.attachment"] = (FormKind.MisdeliveryReport,
            [.. MisdeliveryReportFacts.Answers(hasAttachment: "yes", personalData: "yes"), ("attachmentNames", "名簿.xlsx"), ("personalDataCount", "10-99")]),
        ["webmeeting.other-terminal"] = (FormKind.WebMeetingRequest,
            [.. WebMeetingRequestFacts.Answers(confidentiality: "2", terminal: "other"), ("terminalReason", "支給端末が故障中のため"), ("confidentialMeasures", "共有資料を限定します")]),
        ["cloud.8.3"] = (FormKind.CloudUseRequest, [.. CloudUseRequestFacts.Answers("2"), .. CloudUseRequestFacts.Checklist83]),
        ["cloud.8.4"] = (FormKind.CloudUseRequest, [.. CloudUseRequestFacts.Answers("1"), ("termsChecked", "true"), ("termsUrl", "https://example.jp/terms")]),
        ["incident.malware"] = (FormKind.IncidentReport, [.. IncidentReportFacts.Answers(kind: "malware"), ("networkDisconnected", "done")]),
        ["incident.loss"] = (FormKind.IncidentReport, [.. IncidentReportFacts.Answers(personalData: "unknown"), ("possibleCrime", "unknown")]),
    };

    /// <summary>Each 次へ moves the counter on by one, and the total it announces never grows: a person told 「2/2」 is
    /// not shown a third page.</summary>
    [Theory]
    [MemberData(nameof(Walks))]
    public void TheCounter_MovesOnByOne_AndTheTotalNeverGrows(string walk)
    {
        var (kind, answers) = WalkAnswers[walk];
        var session = _harness.Session(FormHarness.Alice);
        session.Start(kind);
        var seen = new List<(int Number, int Count)> { Counter(session) };
        while (!session.AtConfirmation)
        {
            Assert.True(seen.Count < 12, $"{walk}: never reached the confirmation");
            session.Next(answers);
            Assert.DoesNotContain("入力内容を確認してください", FormSession.AllText(session.Card));
            if (!session.AtConfirmation)
            {
                seen.Add(Counter(session));
            }
        }

        var shown = string.Join(" → ", seen.Select(p => $"{p.Number}/{p.Count}"));
        for (var i = 0; i < seen.Count; i++)
        {
            Assert.True(seen[i].Number == i + 1, $"{walk}: {shown}");
            Assert.True(i == 0 || seen[i].Count <= seen[i - 1].Count, $"{walk}: {shown}");
            Assert.True(seen[i].Number <= seen[i].Count, $"{walk}: {shown}");
        }
    }

    /// <summary>The confirmation lists every answer and still fits one screen: answers beyond what fits are folded
    /// behind one toggle, none dropped.</summary>
    [Theory]
    [MemberData(nameof(Walks))]
    public void TheConfirmation_FitsOneScreen_AndKeepsEveryAnswer(string walk)
    {
        var (kind, answers) = WalkAnswers[walk];
        var session = _harness.Session(FormHarness.Alice);
        session.Start(kind);
        session.FillIn(answers);
        Assert.True(session.AtConfirmation, walk);

        Assert.True(CardHeight.FitsOneScreen(session.Card),
            $"{walk}: {CardHeight.Estimate(session.Card, CardHeight.LaptopWidth):0} px on a laptop, {CardHeight.Estimate(session.Card, CardHeight.PhoneWidth):0} px on a phone");
        var facts = FormSession.Facts(session.Card);
        var given = answers.GroupBy(a => a.Item1).ToDictionary(g => g.Key, g => g.Last().Item2);
        var asked = FormCatalog.Standard.Get(kind).Steps.SelectMany(s => s.Fields).Where(f => given.ContainsKey(f.Id) && f.IsVisible(given));
        Assert.All(asked, f => Assert.True(facts.ContainsKey(f.Label), $"{walk}: {f.Label} is not on the confirmation"));
    }

    private static (int, int) Counter(FormSession session)
    {
        var match = CounterPattern().Match(FormSession.AllText(session.Card));
        Assert.True(match.Success, FormSession.AllText(session.Card));
        return (int.Parse(match.Groups[1].Value), int.Parse(match.Groups[2].Value));
    }

    [GeneratedRegex(@"（(\d+)/(\d+)）")]
    private static partial Regex CounterPattern();
}
