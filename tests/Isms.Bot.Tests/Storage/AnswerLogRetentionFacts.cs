using Isms.Bot.Conversations;
using Isms.Bot.Jobs;
using Isms.Bot.Tests.Jobs;
using Isms.Bot.Tests.Pipeline;
using static Isms.Bot.Tests.Jobs.JobHost;

namespace Isms.Bot.Tests.Storage;

/// <summary>Issue 13 finding 11: the answer log keeps questions for AnswerLog:RetentionDays (one year), chapter 7 answers excepted.</summary>
public sealed class AnswerLogRetentionFacts : TempDataDirectory
{
    private static readonly DateTimeOffset Asked = Jst("2025-11-01T10:00");

    [Fact]
    public void ThePrune_DeletesAnswersOlderThanAYear_ButKeepsThoseCitingChapter7()
    {
        var clock = new SettableClock(Asked);
        using var host = BotHost.Start(DataDirectory, time: clock);
        var log = host.Get<AnswerLog>();
        var old = log.Record("29:a", "USBメモリで持ち帰っていい？", "Answer", ["5.1(1)③(イ)"], Asked);
        var violation = log.Record("29:a", "違反を見つけたら？", "Answer", ["7.2(3)①"], Asked);
        var recent = log.Record("29:a", "クラウドを使いたい", "Answer", ["8.4(2)①"], Asked.AddDays(300));

        clock.Set(Asked.AddDays(366));
        var deleted = host.Get<AnswerLogPruneJob>().Run();

        Assert.Equal(1, deleted);
        Assert.Null(log.Find(old));
        Assert.NotNull(log.Find(violation));
        Assert.NotNull(log.Find(recent));
        Assert.Equal(0, host.Get<AnswerLogPruneJob>().Run());
    }

    [Fact]
    public void TheRetention_AndTheExceptions_AreSettings()
    {
        var clock = new SettableClock(Asked);
        using var host = BotHost.Start(DataDirectory, new Dictionary<string, string?>
        {
            ["AnswerLog:RetentionDays"] = "30",
            ["AnswerLog:KeepClausePrefixes"] = "",
        }, time: clock);
        var log = host.Get<AnswerLog>();
        var violation = log.Record("29:b", "違反を見つけたら？", "Answer", ["7.2(3)①"], Asked);
        var recent = log.Record("29:b", "パスワードの長さは？", "Answer", ["6.2(1)"], Asked.AddDays(20));

        clock.Set(Asked.AddDays(31));

        Assert.Equal(1, host.Get<AnswerLogPruneJob>().Run());
        Assert.Null(log.Find(violation));
        Assert.NotNull(log.Find(recent));
    }
}
