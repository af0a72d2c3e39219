using LiteDB;
using LiteDB.Engine;

namespace Isms.Workflows.Storage;

/// <summary>
/// A query's reader on <see cref="HealingEngine"/>. LiteDB reads lazily, so a fault can surface in any
/// <see cref="Read"/>: before the first row has been handed out the query is run again once on a reopened engine;
/// after that (or inside a transaction) the fault is passed on, since the caller has already seen part of the result.
/// </summary>
internal sealed class HealingReader : IBsonDataReader
{
    private readonly HealingEngine _owner;
    private readonly string _collection;
    private readonly Query _query;
    private readonly HealingEngine.Generation? _transaction;
    private HealingEngine.Generation _generation = null!;
    private IBsonDataReader _inner = null!;
    private bool _retried;
    private bool _handedOut;

    public HealingReader(HealingEngine owner, string collection, Query query)
    {
        _owner = owner;
        _collection = collection;
        _query = query;
        _transaction = owner.OpenTransaction;
        Open();
    }

    public BsonValue this[string field] => _inner[field];

    public string Collection => _inner.Collection;

    public BsonValue Current => _inner.Current;

    public bool HasValues => _inner.HasValues;

    public bool Read()
    {
        while (true)
        {
            try
            {
                var read = _inner.Read();
                _handedOut |= read;
                return read;
            }
            catch (Exception exception) when (_owner.IsFault(exception, _generation, out var collateral))
            {
                _owner.Fault(_generation, exception, write: false, collateral);
                if (_handedOut || _retried || _transaction is not null)
                {
                    throw;
                }
            }

            _retried = true;
            DisposeInner();
            Open();
        }
    }

    public void Dispose() => DisposeInner();

    private void DisposeInner()
    {
        try
        {
            _inner.Dispose();
        }
        catch (Exception) when (_generation.Faulted)
        {
            // A reader of a retired engine may fail to close; the engine and its files are released with it.
        }
    }

    private void Open()
    {
        while (true)
        {
            _generation = _transaction ?? _owner.Acquire();
            try
            {
                // LiteDB reads the first row here already.
                _inner = _transaction is null ? _generation.Engine.Query(_collection, _query) : OpenInTransaction();
                return;
            }
            catch (Exception exception) when (_owner.IsFault(exception, _generation, out var collateral))
            {
                _owner.Fault(_generation, exception, write: false, collateral);
                if (_retried || _transaction is not null)
                {
                    throw;
                }
            }

            _retried = true;
        }
    }

    private IBsonDataReader OpenInTransaction()
    {
        if (_generation.Faulted)
        {
            throw new StorageUnavailableException(_owner.Health.Path, _owner.Health.Current?.Cause ?? StorageCause.EngineState, null);
        }

        return _generation.Engine.Query(_collection, _query);
    }
}
