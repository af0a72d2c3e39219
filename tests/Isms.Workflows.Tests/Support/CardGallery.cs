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

        var takeout = harness.Session(FormHarness.Alice);
        takeout.Start(FormKind.TakeoutRequest, "明日USBで資料持ち出したい");
        Add("takeout.1.prefilled", takeout);
        takeout.Next(("destination", ""), ("startDate", "2026-11-20"));
        Add("takeout.1.errors", takeout);
        takeout.Next([.. TakeoutRequestFacts.FirstStep(confidentiality: "2").Where(f => f.Item1 != "processOutside"), ("processOutside", "yes")]);
        Add("takeout.2.confidential-outside", takeout);
        takeout.Next();
        Add("takeout.2.errors", takeout);
        takeout.Next(("outsideWorkPlace", "県庁 会議室"), ("encryption", "true"), ("lockedCase", "true"));
        Add("takeout.confirm", takeout);
        takeout.Click("送信");
        Add("takeout.receipt", takeout);
        cards.Add(("takeout.submitted", Isms.Workflows.Cards.StatusCardRenderer.SubmittedCard(harness.AllRecords().Single())));

        var takeoutPublic = harness.Session(FormHarness.NoDepartment);
        takeoutPublic.Start(FormKind.TakeoutRequest);
        Add("takeout.1.asks-department", takeoutPublic);
        takeoutPublic.Next([.. TakeoutRequestFacts.FirstStep(), ("applicantDepartment", "館林消防署")]);
        Add("takeout.2.public", takeoutPublic);

        var misdelivery = harness.Session(FormHarness.Bob);
        misdelivery.Start(FormKind.MisdeliveryReport, "さっきメール誤送信しちゃった");
        Add("misdelivery.1.prefilled", misdelivery);
        misdelivery.Next(MisdeliveryReportFacts.FirstStep(hasAttachment: "yes"));
        Add("misdelivery.2.attachment", misdelivery);
        misdelivery.Next(("attachmentNames", "名簿.xlsx"), ("confidentiality", "3"), ("personalData", "yes"));
        Add("misdelivery.2.personal-data-added", misdelivery);
        misdelivery.Next(("personalDataCount", "10-99"));
        Add("misdelivery.3", misdelivery);
        misdelivery.Next(("howNoticed", new string('x', 2001)));
        Add("misdelivery.3.errors", misdelivery);
        misdelivery.Next(("howNoticed", "送信直後に気付きました。"), ("deletionStatus", "confirmed"));
        Add("misdelivery.confirm.incident", misdelivery);
        misdelivery.Click("送信");
        Add("misdelivery.receipt.incident", misdelivery);

        var meeting = harness.Session(FormHarness.Alice);
        meeting.Start(FormKind.WebMeetingRequest, "県のZoomに招待された。12月3日14時から");
        Add("webmeeting.1.prefilled", meeting);
        meeting.Next(WebMeetingRequestFacts.FirstStep(service: "other"));
        Add("webmeeting.1.other-service", meeting);
        meeting.Next(("serviceOther", "Whereby"));
        Add("webmeeting.2", meeting);
        meeting.Next(WebMeetingRequestFacts.SecondStep(confidentiality: "2", terminal: "other"));
        Add("webmeeting.2.confidential-other-terminal", meeting);
        meeting.Next();
        Add("webmeeting.2.errors", meeting);
        meeting.Next(("terminalReason", "支給端末が故障中のため"), ("confidentialMeasures", "共有資料を限定します"));
        Add("webmeeting.confirm", meeting);
        meeting.Click("送信");
        Add("webmeeting.receipt", meeting);

        var cloud = harness.Session(FormHarness.Bob);
        cloud.Start(FormKind.CloudUseRequest, "kintone使いたい");
        Add("cloud.1.prefilled", cloud);
        cloud.Next(CloudUseRequestFacts.FirstStep("2"));
        Add("cloud.2.checklist-8.3", cloud);
        cloud.Next();
        Add("cloud.2.checklist-8.3.errors", cloud);
        cloud.Next(CloudUseRequestFacts.Checklist83);
        Add("cloud.confirm.8.3", cloud);
        cloud.Click("修正する");
        Add("cloud.1.after-correction", cloud);
        cloud.Next(CloudUseRequestFacts.FirstStep("1"));
        Add("cloud.2.terms-8.4", cloud);
        cloud.Next(("termsChecked", "true"), ("termsUrl", "https://example.jp/terms"));
        Add("cloud.confirm.8.4", cloud);
        cloud.Click("送信");
        Add("cloud.receipt.8.4", cloud);

        var incident = harness.Session(FormHarness.Alice);
        incident.Start(FormKind.IncidentReport, "ウイルスに感染したかも");
        Add("incident.1.malware-prefilled", incident);
        incident.Next(IncidentReportFacts.FirstStep(kind: "malware"));
        Add("incident.2.malware", incident);
        incident.Next(("networkDisconnected", "done"));
        Add("incident.2.errors", incident);
        incident.Next([.. IncidentReportFacts.SecondStep(), ("networkDisconnected", "done")]);
        Add("incident.confirm", incident);
        incident.Click("送信");
        Add("incident.receipt", incident);

        var lost = harness.Session(FormHarness.Bob);
        lost.Start(FormKind.IncidentReport, "公用スマホなくした");
        lost.Next(IncidentReportFacts.FirstStep());
        Add("incident.2.loss", lost);

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
