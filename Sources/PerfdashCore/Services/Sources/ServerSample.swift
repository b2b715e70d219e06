/// What a database or cache server says about itself beyond hit counters: PostgreSQL's transactions, connections,
/// top statements and tables; memcached's memory and items; Redis' clients, commands and memory.
public enum ServerSample: Sendable, Equatable {
    /// A PostgreSQL database.
    case postgres(PostgresSample)
    /// A memcached server.
    case memcached(MemcachedSample)
    /// A Redis server.
    case redis(RedisServerSample)
}
