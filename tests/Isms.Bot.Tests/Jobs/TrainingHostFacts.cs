using System.Net;
using System.Text.Json.Nodes;
using Isms.Bot.Tests.Pipeline;
using Isms.Workflows.Training;
using static Isms.Bot.Tests.Jobs.JobHost;
using static Isms.Bot.Tests.Pipeline.TeamsActivities;

namespace Isms.Bot.Tests.Jobs;

/// <summary>One real host per test on the sample directory, on 2026-11-02 10:00 JST, for the training facts.</summary>
public abstract class TrainingHostFacts : TempDataDirectory, IDisposable
{
    private readonly BotHost _host;

    protected TrainingHostFacts()
    {
        _host = Start(DataDirectory, new SettableClock(Jst("2026-11-02T10:00")));
    }

    void IDisposable.Dispose()
    {
        _host.Dispose();
        Dispose();
    }

    protected TrainingStore Store => _host.Get<TrainingStore>();

    protected async Task<JsonArray> SayReplies(TeamsUser user, string text)
    {
        var (status, replies) = await PostAsync(_host.Client, PersonalMessage(user, text));
        Assert.Equal(HttpStatusCode.OK, status);
        return replies;
    }

    protected async Task<JsonArray> Press(TeamsUser user, JsonObject data)
    {
        var (status, replies) = await PostAsync(_host.Client, CardSubmit(user, data.DeepClone().AsObject()));
        Assert.Equal(HttpStatusCode.OK, status);
        return replies;
    }
}
