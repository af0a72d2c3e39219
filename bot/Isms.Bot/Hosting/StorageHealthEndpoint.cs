using Isms.Workflows.Storage;
using LiteDB;

namespace Isms.Bot.Hosting;

/// <summary>
/// GET /healthz: 200 while the data store reads (and, after an incident, writes) again; 503 while it does not, with the
/// state and the cause, never the path (the endpoint is open to anyone who reaches the port). A store that is failing is
/// probed with a small write on each call, so the answer turns to 200 as soon as space or write access returns.
/// </summary>
public static class StorageHealthEndpoint
{
    public const string ProbeCollection = "storage_probe";

    public static IEndpointRouteBuilder MapStorageHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", (IsmsDatabase database, TimeProvider time) => Check(database, time));
        return endpoints;
    }

    public static IResult Check(IsmsDatabase database, TimeProvider time)
    {
        var health = database.Health;
        try
        {
            if (health.State == StorageState.Healthy)
            {
                // Touching the file proves the data store is open and readable.
                _ = database.Database.CollectionExists("bot_state");
            }
            else
            {
                database.Collection<BsonDocument>(ProbeCollection).Upsert(new BsonDocument { ["_id"] = "probe", ["at"] = time.GetUtcNow().UtcDateTime });
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or LiteException or ObjectDisposedException)
        {
            // The state below says what is wrong; the engine has logged the fault.
        }

        var incident = health.Current;
        var body = new
        {
            status = health.State switch
            {
                StorageState.Healthy => "ok",
                StorageState.Failing => "degraded",
                _ => "unavailable",
            },
            storage = new
            {
                state = health.State.ToString(),
                cause = incident is null ? null : StorageFailure.Code(incident.Cause),
                since = incident?.Started,
                incidents = health.Incidents,
                reopens = health.Reopens,
            },
        };
        return health.State == StorageState.Healthy ? Results.Ok(body) : Results.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
