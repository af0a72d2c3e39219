using Isms.Workflows.Storage;
using LiteDB;
using Microsoft.Bot.Builder;
using Newtonsoft.Json;
using JsonSerializer = Newtonsoft.Json.JsonSerializer;
using Newtonsoft.Json.Linq;

namespace Isms.Bot.State;

/// <summary>
/// Bot Framework <see cref="IStorage"/> on the LiteDB data file, so conversation and user state survive a restart.
/// Items are stored as JSON text without type names: state properties are plain records read back with
/// <c>ToObject&lt;T&gt;</c>, and no type information from the file is ever trusted.
/// Optimistic concurrency follows the SDK's contract: an <see cref="IStoreItem"/> with an ETag other than "*"
/// must match the stored one.
/// </summary>
public sealed class LiteDbStorage : IStorage
{
    private const string CollectionName = "bot_state";
    private static readonly JsonSerializer Serializer = JsonSerializer.Create(new JsonSerializerSettings
    {
        TypeNameHandling = TypeNameHandling.None,
        NullValueHandling = NullValueHandling.Include,
    });

    private readonly ILiteCollection<StateDocument> _items;
    private readonly Lock _writeLock = new();

    public LiteDbStorage(IsmsDatabase database) => _items = database.Collection<StateDocument>(CollectionName);

    public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var result = new Dictionary<string, object>();
        foreach (var key in keys.Distinct())
        {
            var document = _items.FindById(key);
            if (document is not null)
            {
                var item = JObject.Parse(document.Json);
                item["eTag"] = document.ETag;
                result[key] = item;
            }
        }

        return Task.FromResult<IDictionary<string, object>>(result);
    }

    public Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        lock (_writeLock)
        {
            foreach (var (key, value) in changes)
            {
                var newValue = value is null ? new JObject() : JObject.FromObject(value, Serializer);
                var existing = _items.FindById(key);
                if (value is IStoreItem { ETag: { } expected } && expected != "*" && existing is not null && existing.ETag != expected)
                {
                    throw new InvalidOperationException($"ETag conflict writing a state item (expected {expected}).");
                }

                newValue.Remove("eTag");
                var etag = Guid.NewGuid().ToString("N");
                if (value is IStoreItem storeItem)
                {
                    storeItem.ETag = etag;
                }

                _items.Upsert(new StateDocument { Id = key, Json = newValue.ToString(Formatting.None), ETag = etag });
            }
        }

        return Task.CompletedTask;
    }

    public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        foreach (var key in keys)
        {
            _items.Delete(key);
        }

        return Task.CompletedTask;
    }

    private sealed class StateDocument
    {
        public string Id { get; set; } = "";
        public string Json { get; set; } = "{}";
        public string ETag { get; set; } = "";
    }
}
