using System.Text.Json.Nodes;
using Isms.Workflows.Forms;

namespace Isms.Workflows.Tests.Support;

/// <summary>Every kind of card the forms produce (each step, each branch, with and without errors), by name.</summary>
public static class CardGallery
{
    private static readonly Lazy<IReadOnlyList<(string Name, JsonObject Card)>> Cards = new(Build);

    public static IReadOnlyList<(string Name, JsonObject Card)> All => Cards.Value;

    private static IReadOnlyList<(string Name, JsonObject Card)> Build()
    {
        var cards = new List<(string, JsonObject)>();
        using var harness = new FormHarness();
        void Add(string name, FormSession session) => cards.Add((name, session.Card));

        // Every page up to and with the confirmation, as "<prefix>.<n>" and "<prefix>.confirm".
        void AddPages(string prefix, FormSession session, (string, string)[] answers)
        {
            for (var page = 1; !session.AtConfirmation && page <= 10; page++)
            {
                session.Next(answers);
                if (!session.AtConfirmation && FormSession.AllText(session.Card).Contains("入力内容を確認してください", StringComparison.Ordinal))
                {
                    throw new InvalidOperationException($"{prefix}: the answers leave errors on page {page}");
                }

                Add(session.AtConfirmation ? $"{prefix}.confirm" : $"{prefix}.{page + 1}", session);
            }
        }

        // Each form: from one sentence (filled-in answers not asked), then by command (every page), with its branches.
        var takeout = harness.Session(FormHarness.Alice);
        takeout.Start(FormKind.TakeoutRequest, "明日から2日間、ノートPCを県の研修に持ち出します");
        Add("takeout.1.from-sentence", takeout);
        takeout.Next(("assetNumber", "PC-0123"), ("confidentiality", "2"), ("processOutside", "yes"));
        Add("takeout.2.confidential-outside", takeout);
        takeout.Next();
        Add("takeout.2.errors", takeout);
        takeout.Next(("outsideWorkPlace", "県庁 会議室"), ("transportMeasure", "暗号化・パスワードを設定する"));
        Add("takeout.confirm", takeout);
        takeout.Click("送信");
        Add("takeout.receipt", takeout);
        cards.Add(("takeout.submitted", Isms.Workflows.Cards.StatusCardRenderer.SubmittedCard(harness.AllRecords().Single())));

        var takeoutPublic = harness.Session(FormHarness.NoDepartment);
        takeoutPublic.Start(FormKind.TakeoutRequest);
        Add("takeout.1.asks-department", takeoutPublic);
        takeoutPublic.Next(("itemKind", "usb"), ("startDate", "2026-11-20"), ("endDate", "2026-11-28"));
        Add("takeout.1.errors", takeoutPublic);
        AddPages("takeout.public", takeoutPublic, [.. TakeoutRequestFacts.Answers(), ("applicantDepartment", "館林消防署")]);

        // The tallest measures page: 機密性3C, worked on outside, no measure (so a reason is asked).
        var takeoutNoMeasure = harness.Session(new Applicant("29:dave", "aad-dave", "千代田 三郎", "消防本部 警防課"));
        takeoutNoMeasure.Start(FormKind.TakeoutRequest);
        takeoutNoMeasure.FillIn(TakeoutRequestFacts.Answers(confidentiality: "3C", item: "software", processOutside: "yes"));
        Add("takeout.3c.measures-errors", takeoutNoMeasure);
        takeoutNoMeasure.Next(("outsideWorkPlace", "県庁 会議室"), ("transportMeasure", "none"));
        Add("takeout.3c.no-measure", takeoutNoMeasure);

        var misdelivery = harness.Session(FormHarness.Bob);
        misdelivery.Start(FormKind.MisdeliveryReport, "さっき県の担当者にメールを誤送信しました");
        Add("misdelivery.1.from-sentence", misdelivery);
        misdelivery.Next(MisdeliveryReportFacts.Answers(hasAttachment: "yes"));
        Add("misdelivery.2.subject", misdelivery);
        misdelivery.Next(MisdeliveryReportFacts.Answers(hasAttachment: "yes"));
        Add("misdelivery.3.attachment", misdelivery);
        misdelivery.Next(("attachmentNames", "名簿.xlsx"), ("confidentiality", "3B"), ("personalData", "yes"));
        Add("misdelivery.4.personal-data-count", misdelivery);
        misdelivery.Next(("personalDataCount", "10-99"), ("howNoticed", new string('x', 2001)));
        Add("misdelivery.4.errors", misdelivery);
        misdelivery.Next(("howNoticed", "送信直後に気付きました。"));
        Add("misdelivery.5.response", misdelivery);
        misdelivery.Next(("deletionStatus", "confirmed"));
        Add("misdelivery.confirm.incident", misdelivery);
        misdelivery.Click("送信");
        Add("misdelivery.receipt.incident", misdelivery);
        var unsure = harness.Session(FormHarness.Alice);
        unsure.Start(FormKind.MisdeliveryReport);
        AddPages("misdelivery.unknown-personal-data", unsure, MisdeliveryReportFacts.Answers(personalData: "unknown"));

        var meeting = harness.Session(FormHarness.Alice);
        meeting.Start(FormKind.WebMeetingRequest, "12月3日14時から16時まで、県の広域化検討会にZoomで参加します");
        Add("webmeeting.1.from-sentence", meeting);
        meeting.Next(("confidentiality", "2"), ("recording", "host"));
        Add("webmeeting.2.terminal", meeting);
        meeting.Next(("terminal", "other"), ("network", "office"));
        Add("webmeeting.3.confidential-other-terminal", meeting);
        meeting.Next();
        Add("webmeeting.3.errors", meeting);
        meeting.Next(("terminalReason", "支給端末が故障中のため"), ("confidentialMeasures", "共有資料を限定します"));
        Add("webmeeting.confirm", meeting);
        meeting.Click("送信");
        Add("webmeeting.receipt", meeting);
        var otherService = harness.Session(FormHarness.Bob);
        otherService.Start(FormKind.WebMeetingRequest);
        Add("webmeeting.1.by-command", otherService);
        otherService.Next(WebMeetingRequestFacts.Answers(service: "other"));
        Add("webmeeting.2.other-service", otherService);
        AddPages("webmeeting.command", otherService, [.. WebMeetingRequestFacts.Answers(service: "other"), ("serviceOther", "Whereby")]);

        var cloud = harness.Session(FormHarness.Bob);
        cloud.Start(FormKind.CloudUseRequest, "kintone使いたい");
        Add("cloud.1.from-sentence", cloud);
        AddPages("cloud.8.3", cloud, [.. CloudUseRequestFacts.Answers("2"), .. CloudUseRequestFacts.Checklist83]);
        cloud.Click("修正する");
        Add("cloud.1.after-correction", cloud);
        AddPages("cloud.8.4", cloud, [.. CloudUseRequestFacts.Answers("1"), ("termsChecked", "true"), ("termsUrl", "https://example.jp/terms")]);
        cloud.Click("送信");
        Add("cloud.receipt.8.4", cloud);
        var unchecked83 = harness.Session(FormHarness.Alice);
        unchecked83.Start(FormKind.CloudUseRequest);
        unchecked83.FillIn(CloudUseRequestFacts.Answers("2"));
        Add("cloud.checklist-8.3.errors", unchecked83);

        var incident = harness.Session(FormHarness.Alice);
        incident.Start(FormKind.IncidentReport, "ウイルスに感染したかも");
        Add("incident.1.malware-from-sentence", incident);
        AddPages("incident.malware", incident, [.. IncidentReportFacts.Answers(kind: "malware"), ("networkDisconnected", "done")]);
        incident.Click("送信");
        Add("incident.receipt", incident);

        var lost = harness.Session(FormHarness.Bob);
        lost.Start(FormKind.IncidentReport, "公用スマホなくした");
        AddPages("incident.loss", lost, [.. IncidentReportFacts.Answers(personalData: "unknown"), ("possibleCrime", "unknown")]);

        var prompts = harness.Session(FormHarness.Bob);
        prompts.Start(FormKind.IncidentReport, "公用スマホなくした");
        Add("prompt.start-again", prompts);
        prompts.Last = harness.Service.ResumeOrDiscardPrompt(FormHarness.Bob);
        Add("prompt.open-drafts", prompts);
        prompts.Last = harness.Service.MyRequests(FormHarness.Bob);
        Add("my-requests", prompts);
        prompts.Last = harness.Service.MyRequests(FormHarness.NoDepartment);
        Add("my-requests.draft-only", prompts);
        prompts.Last = harness.Service.MyRequests(new Applicant("29:nobody", null, "新人", "消防本部 予防課"));
        Add("my-requests.empty", prompts);
        return cards;
    }
}
