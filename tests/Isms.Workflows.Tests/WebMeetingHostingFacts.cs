using Isms.Workflows.Forms;
using Isms.Workflows.Tests.Support;
using static Isms.Workflows.Tests.Support.FormSession;

namespace Isms.Workflows.Tests;

/// <summary>6.1(21)③④: hosting is the host's duty, not an application; whether an invitation needs one is a setting;
/// devices and networks other than the issued ones cite 5.1(1)④ and 6.1(19)①.</summary>
public sealed class WebMeetingHostingFacts : IDisposable
{
    private readonly FormHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public void Hosting_IsNotAnApplication_TheBotShowsTheHostsDuties()
    {
        var session = _harness.Session(FormHarness.Alice);
        session.Start(FormKind.WebMeetingRequest);
        Assert.DoesNotContain("meetingRole", InputFieldIds(session.Card)); // invited unless said otherwise
        session.FillIn(WebMeetingRequestFacts.Answers());
        Assert.Equal("外部から招待されて参加する", Facts(session.Card)["会議とのかかわり"]);

        session.Click("修正する");
        while (!InputFieldIds(session.Card).Contains("meetingRole"))
        {
            session.Next();
        }

        session.Next(("meetingRole", "host"));

        var said = string.Join("\n", session.Texts);
        Assert.Contains("申請は不要", said);
        Assert.Contains("6.1(21)③", said);
        Assert.Contains("無関係の者が参加できないよう", said);
        Assert.Empty(_harness.AllRecords());
        Assert.False(_harness.Service.HasOpenDraft(FormHarness.Alice, out _));
    }

    [Fact]
    public void Hosting_SaidInTheWords_IsAnsweredAtOnce()
    {
        var session = _harness.Session(FormHarness.Alice);
        session.Start(FormKind.WebMeetingRequest, "来週、Teamsで会議を主催します");

        Assert.Contains("6.1(21)③", string.Join("\n", session.Texts));
        Assert.Empty(_harness.AllRecords());
        Assert.False(_harness.Service.HasOpenDraft(FormHarness.Alice, out _));
    }

    [Fact]
    public void AnInvitation_SaidInTheWords_IsNotAskedAgain()
    {
        var session = _harness.Session(FormHarness.Alice);
        session.Start(FormKind.WebMeetingRequest, "県のZoomに招待された");

        Assert.DoesNotContain("meetingRole", InputFieldIds(session.Card));
    }

    [Theory]
    [InlineData("other", "office", "5.1(1)④(ア)")]
    [InlineData("issued", "other", "6.1(19)①")]
    public void ANonIssuedDeviceOrNetwork_CitesItsClause(string terminal, string network, string clause)
    {
        var session = _harness.Session(FormHarness.Alice);
        session.Start(FormKind.WebMeetingRequest);
        session.FillIn([.. WebMeetingRequestFacts.Answers(terminal: terminal).Where(a => a.Item1 != "network"),
            ("network", network), ("terminalReason", "支給端末が故障中のため"), ("networkReason", "出張先のため")]);
        session.Click("送信");

        Assert.Contains(clause, session.Last.CreatedRecord!.AppliedClauses);
    }

    [Fact]
    public void WhetherAnInvitationNeedsAnApplication_IsASetting()
    {
        using var harness = new FormHarness(options: new FormsOptions { WebMeetingInvitationNeedsApproval = false });
        var plain = harness.Session(FormHarness.Alice);
        plain.Start(FormKind.WebMeetingRequest);
        plain.FillIn([.. WebMeetingRequestFacts.Answers()]);

        Assert.Contains("申請は不要", string.Join("\n", plain.AllTexts));
        Assert.Empty(harness.AllRecords());

        var onOwnDevice = harness.Session(FormHarness.Bob);
        onOwnDevice.Start(FormKind.WebMeetingRequest);
        onOwnDevice.FillIn([.. WebMeetingRequestFacts.Answers(terminal: "other"), ("terminalReason", "支給端末が故障中のため")]);
        onOwnDevice.Click("送信");
        Assert.Contains("5.1(1)④(ア)", onOwnDevice.Last.CreatedRecord!.AppliedClauses);
    }
}
