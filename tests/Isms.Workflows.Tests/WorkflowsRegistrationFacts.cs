using System.Text.Json;
using Isms.Workflows.Forms;
using Isms.Workflows.Requests;
using Isms.Workflows.Storage;
using Isms.Workflows.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Isms.Workflows.Tests;

public sealed class WorkflowsRegistrationFacts
{
    [Fact]
    public void AddIsmsForms_ResolvesTheFormService_WithTheConfiguredApprover()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Forms:WebMeetingApprover"] = "統括情報セキュリティ責任者" })
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton(IsmsDatabase.InMemory());
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(FormHarness.Now));
        services.AddIsmsForms(configuration);
        using var provider = services.BuildServiceProvider();

        var service = provider.GetRequiredService<FormService>();
        var reply = service.Start(FormHarness.Alice, FormKind.WebMeetingRequest, null);

        Assert.NotNull(reply.Messages.Single().Card);
        Assert.IsType<LiteDbRequestStore>(provider.GetRequiredService<IRequestStore>());
        Assert.IsType<FakeTimeProvider>(provider.GetRequiredService<TimeProvider>());
        Assert.StartsWith("統括情報セキュリティ責任者", provider.GetRequiredService<FormCatalog>().Get(FormKind.WebMeetingRequest).NextStep);
    }

    [Fact]
    public void Logs_CarryNoNamesAndNothingTyped()
    {
        using var harness = new FormHarness();
        var logger = new ListLogger<FormService>();
        var service = new FormService(harness.Catalog, harness.Drafts, harness.Records, harness.Time, harness.Options, logger);
        var session = new FormSession(service, FormHarness.Alice);

        session.Start(FormKind.MisdeliveryReport, "昨日メール誤送信しちゃった");
        session.FillIn([.. MisdeliveryReportFacts.Answers(confidentiality: "3A"), ("howNoticed", "相手からの電話で気付きました")]);
        var submit = FormSession.Payload(session.Card, "送信");
        session.Send(submit);
        session.Send(submit);
        service.HandleCardSubmit(FormHarness.Bob, submit);
        using var garbage = JsonDocument.Parse("""{"isms":"form","op":"next","draft":"秘密のメモ"}""");
        service.HandleCardSubmit(FormHarness.Alice, garbage.RootElement);

        Assert.True(logger.Messages.Count >= 5);
        var everything = string.Join("\n", logger.Messages);
        foreach (var secret in new[] { "館林", "花子", "29:alice", "someone@example.jp", "会議資料", "電話", "秘密", "誤送信しちゃった" })
        {
            Assert.DoesNotContain(secret, everything);
        }

        Assert.Contains("誤送信-2026-0001", everything);
    }
}
