using System.Text.Json.Nodes;
using Isms.Bot.Tests.Pipeline;
using Isms.Workflows.Training;
using static Isms.Bot.Tests.Jobs.JobHost;
using static Isms.Bot.Tests.Pipeline.TeamsActivities;

namespace Isms.Bot.Tests.Jobs;

/// <summary>研修記録取込 through the real pipeline on the sample directory: who may import, for whom, and what each line becomes.</summary>
public sealed class TrainingImportFacts : TrainingHostFacts
{
    private static readonly TeamsUser Takahashi = new("29:takahashi-dir", "高橋 次郎", "00000000-0000-4000-8000-000000000004"); // 統括

    [Fact]
    public async Task TheChiefOfficer_ImportsForAnyone_ByDirectoryId_AndBadLinesAreNamed()
    {
        var reply = await Say(Takahashi, "研修記録取込\npersonId,courseId,completedOn\nE0001,annual,2026-10-01\nE0201,annual,2026-10-02\nE9999,annual,2026-10-01\nE0002,nosuch,2026-10-01\nE0002,annual,2026-12-01");

        Assert.StartsWith("研修記録を取り込みました: 新規 2件、記録済み 0件、取り込めなかった行 3件。", reply, StringComparison.Ordinal);
        Assert.Contains("4行目: 職員ID「E9999」は組織名簿にありません。", reply, StringComparison.Ordinal);
        Assert.Contains("5行目: 研修ID「nosuch」は設定にありません。", reply, StringComparison.Ordinal);
        Assert.Contains("6行目:", reply, StringComparison.Ordinal);
        // Stored under the key training uses (the Entra id), so 研修状況 and the chase see it.
        Assert.Single(Store.CompletionsOf(DirectoryYamada.AadObjectId!));
        Assert.Contains("受講済み", Json(Assert.Single(ReplyCards(await SayReplies(DirectoryYamada, "研修状況")))));
    }

    [Fact]
    public async Task AManager_ImportsOnlyForTheirOwn所属()
    {
        var reply = await Say(DirectorySato, "研修記録取込\npersonId,courseId,completedOn\nE0001,annual,2026-10-01\nE0201,annual,2026-10-01");

        Assert.StartsWith("研修記録を取り込みました: 新規 1件", reply, StringComparison.Ordinal);
        Assert.Contains("3行目: 職員ID「E0201」はあなたの所属の職員ではありません。", reply, StringComparison.Ordinal);
        Assert.Empty(Store.CompletionsOf("00000000-0000-4000-8000-000000000201"));
    }

    [Theory]
    [InlineData("E0001,annual,2026-10-01\rE0201,annual,2026-10-01", "3行目: 職員ID「E0201」はあなたの所属の職員ではありません。")] // a bare CR: two records
    [InlineData("E0201,annual,2026-10-01,extra", "2行目: 3項目")]
    [InlineData("E0201,annual,2026-10-01\r,annual,2026-10-01", "2行目")]
    [InlineData("\"E0201\",annual,2026-10-01", "2行目: 職員ID「E0201」はあなたの所属の職員ではありません。")]
    [InlineData("\"E0001\nE0201\",annual,2026-10-01", "引用符")]
    [InlineData("E0001,\"annual\nE0201\",2026-10-01", "引用符")]
    public async Task Finding7_AManager_CannotRecordAnotherDepartment_HoweverTheLinesAreWritten(string lines, string reported)
    {
        var reply = await Say(DirectorySato, "研修記録取込\npersonId,courseId,completedOn\n" + lines);

        Assert.Contains(reported, reply, StringComparison.Ordinal);
        Assert.DoesNotContain("取り込めなかった行 0件", reply, StringComparison.Ordinal);
        Assert.Empty(Store.CompletionsOf("00000000-0000-4000-8000-000000000201"));
        Assert.Empty(Store.CompletionsOf("E0201"));
    }

    [Fact]
    public async Task StaffAndStrangers_MayNotImport_AndNothingIsRecorded()
    {
        var staff = await Say(DirectoryYamada, "研修記録取込\npersonId,courseId,completedOn\nE0001,annual,2026-10-01");
        var stranger = await Say(new TeamsUser("29:stranger", "部外 者", "aad-stranger-0001"), "研修記録取込\npersonId,courseId,completedOn\nE0001,annual,2026-10-01");

        Assert.Contains("統括情報セキュリティ責任者・CISO・副CISO", staff, StringComparison.Ordinal);
        Assert.Equal(staff, stranger);
        Assert.Empty(Store.CompletionsOf(DirectoryYamada.AadObjectId!));
    }

    [Fact]
    public async Task TheCommandAlone_ExplainsTheFormat()
    {
        var reply = await Say(Takahashi, "研修記録取込");

        Assert.Contains("personId,courseId,completedOn", reply, StringComparison.Ordinal);
    }

    private async Task<string> Say(TeamsUser user, string text) => Assert.Single(Texts(await SayReplies(user, text)));


    private static string Json(JsonObject card) => card.ToJsonString(new System.Text.Json.JsonSerializerOptions
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
