using Isms.Workflows.Forms;
using Isms.Workflows.Requests;
using Isms.Workflows.Storage;
using LiteDB;

namespace Isms.Workflows.Tests;

public sealed class FormKindFacts
{
    [Theory]
    [InlineData("takeout_request", "TakeoutRequest")]
    [InlineData("web_meeting_request", "WebMeetingRequest")]
    [InlineData("misdelivery_report", "MisdeliveryReport")]
    public void AKey_IsStoredAsTheEnumNameItHad_AndParsesFromEither(string key, string stored)
    {
        var kind = new FormKind(key);

        Assert.Equal(stored, kind.StoredName);
        Assert.Equal(kind, FormKind.Parse(stored));
        Assert.Equal(kind, FormKind.Parse(key));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Takeout Request")]
    [InlineData("takeout-request")]
    public void SomethingElse_IsNotAKind(string text) => Assert.False(FormKind.TryParse(text, out _));

    [Fact]
    public void Default_IsTheFirstProcedure_AsTheEnumsDefaultWas() => Assert.Equal(FormKind.MisdeliveryReport, default);

    [Fact]
    public void ARecordStoredWhileKindWasAnEnum_ReadsUnchanged_AndQueriesMatchIt()
    {
        using var database = IsmsDatabase.InMemory();
        database.Database.GetCollection(LiteDbRequestStore.CollectionName)
            .Insert(new BsonDocument { ["_id"] = "r1", ["Number"] = "クラウド-2026-0001", ["Kind"] = "CloudUseRequest", ["Status"] = "Approved" });
        var records = database.Collection<RequestRecord>(LiteDbRequestStore.CollectionName);

        Assert.Equal(FormKind.CloudUseRequest, records.FindById("r1").Kind);
        Assert.Equal("r1", records.FindOne(r => r.Kind == FormKind.CloudUseRequest).Id);
        records.Update(records.FindById("r1"));
        Assert.Equal("CloudUseRequest", database.Database.GetCollection(LiteDbRequestStore.CollectionName).FindById("r1")["Kind"].AsString);
    }
}

public sealed class StoredTimestampFacts
{
    [Fact]
    public void AnApprovalStoredWithAssignedAtUtc_ReadsAsDateTimeOffset_AndIsWrittenBackUnderTheSameName()
    {
        using var database = IsmsDatabase.InMemory();
        var at = new DateTime(2026, 11, 26, 1, 0, 0, DateTimeKind.Utc);
        var raw = database.Database.GetCollection(Isms.Workflows.Approvals.ApprovalService.CollectionName);
        raw.Insert(new BsonDocument { ["_id"] = "r1", ["State"] = "Pending", ["AssignedAtUtc"] = at });
        var approvals = database.Collection<Isms.Workflows.Approvals.ApprovalDocument>(Isms.Workflows.Approvals.ApprovalService.CollectionName);

        var document = approvals.FindById("r1");
        Assert.Equal(new DateTimeOffset(at), document.AssignedAt);
        approvals.Update(document);
        Assert.Equal(at, raw.FindById("r1")["AssignedAtUtc"].AsDateTime.ToUniversalTime());
    }
}
