using Isms.Bot.Tests.Notifications;
using Isms.Bot.Tests.Pipeline;
using Isms.Workflows.Approvals;
using Isms.Workflows.Forms;
using Isms.Workflows.Requests;
using Microsoft.Extensions.DependencyInjection;

namespace Isms.Bot.Tests.Jobs;

/// <summary>The jobs facts' host (the sample directory, a clock the test sets) and a way to file a request without the form.</summary>
public static class JobHost
{
    /// <summary>山田 太郎 (警防課) in the sample directory; his 持ち出し goes to 佐藤 花子, 警防課の情報セキュリティ管理者.</summary>
    public static readonly TeamsActivities.TeamsUser DirectoryYamada = new("29:yamada-dir", "山田 太郎", "00000000-0000-4000-8000-000000000001");
    public static readonly TeamsActivities.TeamsUser DirectorySato = new("29:sato-dir", "佐藤 花子", "00000000-0000-4000-8000-000000000002");

    public static DateTimeOffset Jst(string local) => DateTimeOffset.Parse(local + "+09:00", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A <see cref="BotHost"/> on the clock and the shipped sample directory (the jobs facts count its people), unless settings name another.</summary>
    public static BotHost Start(string dataDirectory, SettableClock clock, IReadOnlyDictionary<string, string?>? settings = null,
        FakeConnector? connector = null)
    {
        var withSample = new Dictionary<string, string?>
        {
            ["Directory:Path"] = Path.Combine(AppContext.BaseDirectory, "data", "org-directory.sample.yaml"),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            withSample[key] = value;
        }

        return BotHost.Start(dataDirectory, withSample, clock, connector);
    }

    /// <summary>A stored 持ち出し申請 by 山田, routed by the real approval service (so it waits for 佐藤).</summary>
    public static RequestRecord FileTakeout(IServiceProvider services, string key) => File(services, key, FormKind.TakeoutRequest, "情報資産の持ち出し申請", "持出");

    /// <summary>A stored 誤送信報告 (not an incident) by 山田: it stays Submitted and waits for 佐藤's 確認.</summary>
    public static RequestRecord FileMisdelivery(IServiceProvider services, string key) => File(services, key, FormKind.MisdeliveryReport, "メール誤送信の報告", "誤送信");

    private static RequestRecord File(IServiceProvider services, string key, FormKind kind, string title, string prefix)
    {
        var (record, _) = services.GetRequiredService<IRequestStore>().CreateOnce(new RequestRecord
        {
            Kind = kind,
            Title = title,
            SubmissionKey = key,
            Status = RequestStatus.Submitted,
            HighestConfidentiality = 1,
            CreatedAt = services.GetRequiredService<TimeProvider>().GetUtcNow(),
            Applicant = new RecordApplicant { UserId = DirectoryYamada.Id, AadObjectId = DirectoryYamada.AadObjectId, Name = DirectoryYamada.Name, Department = "警防課" },
        }, prefix, 2026);
        services.GetRequiredService<ApprovalService>().Assign(record, null);
        return services.GetRequiredService<IRequestStore>().FindByNumber(record.Number)!;
    }
}

/// <summary>A clock the test sets; timers are not faked (the host's jobs are run by Hangfire on real time).</summary>
public sealed class SettableClock(DateTimeOffset start) : TimeProvider
{
    private long _utcTicks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _utcTicks), TimeSpan.Zero);

    public void Set(DateTimeOffset now) => Interlocked.Exchange(ref _utcTicks, now.UtcTicks);
}
