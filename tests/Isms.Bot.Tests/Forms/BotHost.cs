using Isms.Workflows;
using Isms.Bot.Tests.Pipeline;
using Isms.Workflows.Forms;
using Isms.Workflows.Requests;
using Microsoft.Extensions.DependencyInjection;
using static Isms.Bot.Tests.Pipeline.TeamsActivities;

namespace Isms.Bot.Tests.Forms;

/// <summary>One real host per test class (a host start costs about a second); tests keep apart by using their own people.</summary>
public sealed class BotHost : IDisposable
{
    public BotHost()
    {
        Factory = new BotApplicationFactory(DataDirectory);
        Client = Factory.CreateClient();
    }

    public string DataDirectory { get; } = BotApplicationFactory.NewDataDirectory();

    public BotApplicationFactory Factory { get; }

    public HttpClient Client { get; }

    public IRequestStore Records => Factory.Services.GetRequiredService<IRequestStore>();

    /// <summary>Today for the staff, as the host computes it (TimeProvider.System, Japan time).</summary>
    public static DateOnly Today => JapanTime.Today(TimeProvider.System);

    public static string Date(int daysFromToday) => FieldValues.FormatDate(Today.AddDays(daysFromToday));

    /// <summary>A member of staff in the org directory whom no other test uses.</summary>
    public static TeamsUser NewPerson(string name) => TestStaffDirectory.NewMember(name);

    internal FormConversation Person(string name = "山田 太郎") => new(Client, NewPerson(name));

    internal FormConversation As(TeamsUser user) => new(Client, user);

    public void Dispose()
    {
        Client.Dispose();
        Factory.Dispose();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
