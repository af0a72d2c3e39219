using Hangfire;
using Isms.Bot.Tests.Notifications;
using Isms.Bot.Tests.Pipeline;
using Hangfire.Storage;
using Isms.Jobs.Chasing;
using Microsoft.Extensions.DependencyInjection;
using static Isms.Bot.Tests.Jobs.JobHost;
using static Isms.Bot.Tests.Pipeline.TeamsActivities;

namespace Isms.Bot.Tests.Jobs;

/// <summary>
/// A restart between scheduling and firing loses nothing on the embedded job store: the first host schedules the
/// approval chase and stops before it is due; the second host, on the same data directory, runs it once, and the
/// approver gets exactly one reminder through Teams.
/// </summary>
public sealed class RestartFacts : TempDataDirectory
{
    private static readonly Dictionary<string, string?> ServerOn = new() { ["Jobs:RunServer"] = "true", ["Jobs:PollingSeconds"] = "1" };

    [Fact]
    public async Task AJobScheduledBeforeARestart_RunsOnceAfterIt_AndTheApproverIsRemindedOnce()
    {
        await using var connector = await FakeConnector.StartAsync();
        var clock = new SettableClock(Jst("2026-11-30T09:00")); // a Monday
        string jobId, number;
        using (var first = Start(DataDirectory, clock, ServerOn, connector))
        {
            await first.Say(DirectorySato, "ヘルプ");
            number = FileTakeout(first.Services, "restart-1").Number;
            clock.Set(Jst("2026-11-30T14:00")); // 5 working hours later: the reminder (after 4) is due
            jobId = first.Services.GetRequiredService<IBackgroundJobClient>()
                .Schedule<PendingApprovalChaseJob>(j => j.RunAsync(CancellationToken.None), TimeSpan.FromSeconds(10)); // well after the first host has stopped, even on a loaded machine
        }

        Assert.DoesNotContain(connector.Received, r => Text(r.Activity).Contains("承認のお願い"));

        using (var second = Start(DataDirectory, clock, ServerOn))
        {
            var storage = second.Services.GetRequiredService<JobStorage>();
            var deadline = DateTime.UtcNow.AddSeconds(45);
            while (storage.GetMonitoringApi().JobDetails(jobId)?.History.FirstOrDefault()?.StateName != "Succeeded" && DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }

            await Task.Delay(1500); // room for a wrong second run to show
            var history = storage.GetMonitoringApi().JobDetails(jobId).History;
            Assert.Equal("Succeeded", history.First().StateName);
            Assert.Single(history, h => h.StateName == "Processing");
        }

        var reminders = connector.Received.Where(r => Text(r.Activity).Contains("承認のお願い")).ToList();
        var (conversation, reminder) = Assert.Single(reminders);
        Assert.Equal(PersonalConversationId(DirectorySato), conversation);
        Assert.Contains(number, Text(reminder));
    }

    private static string Text(System.Text.Json.Nodes.JsonObject activity) => (string?)activity["text"] ?? "";
}
