import NIOCore
import PerfdashCore

extension FuzzTarget {
    /// What services and a Prometheus server answer, and the flag values that name them.
    static let services: [FuzzTarget] = [
        // A memcached `stats` answer, then the derived metrics of the sample it makes.
        FuzzTarget(name: "memcached-stats", seeds: ["memcached"]) { bytes in
            guard let sample = try? MemcachedSource.sample(stats: String(decoding: bytes, as: UTF8.self)) else { return }
            _ = ServiceMetrics(totals: sample)
        },
        // A Redis INFO text (the bulk string of the INFO reply) and the numbers read from it.
        FuzzTarget(name: "redis-info", seeds: ["resp"], seedFiles: ["info.resp"]) { bytes in
            for (_, value) in InfoText.fields(String(decoding: bytes, as: UTF8.self)) { _ = Number.counter(value) }
        },
        // A PostgreSQL server's byte stream, message after message, gathered into query results the way the
        // connection does (authentication requests answered, rows per statement, a result per ReadyForQuery), then
        // read as one scrape.
        FuzzTarget(name: "postgres-wire", seeds: ["postgres"], seedFiles: [".bin"], maxLength: 8192) { bytes in
            postgresSession(bytes)
        },
        // The Prometheus HTTP API's JSON, as an instant and as a range answer.
        FuzzTarget(name: "prom-response", seeds: ["fleet"], seedFiles: [".json"]) { bytes in
            let body = [UInt8](bytes)
            _ = try? PromResponse.instant(body, query: "up")
            _ = try? PromResponse.range(body, query: "up")
        },
        // Label matchers as the config's fleet selectors write them, then rendered back into a query.
        FuzzTarget(name: "promql-matchers", seeds: ["fleet"], seedFiles: ["matchers.txt"], maxLength: 1024) { bytes in
            guard let matchers = try? PromQL.parseMatchers(String(decoding: bytes, as: UTF8.self)),
                  let selector = try? PromQL.Selector(metric: "up", matchers) else { return }
            _ = selector.text
        },
        // Flag and config values: service addresses, the listen address, durations, sizes, interface lists.
        FuzzTarget(name: "flag-values", seeds: ["flags"], maxLength: 1024) { bytes in
            let text = String(decoding: bytes, as: UTF8.self)
            _ = try? QuickServiceFlag.scrape(text)
            _ = try? QuickServiceFlag.redis(text, environment: ["PD_FUZZ": "x"])
            _ = try? QuickServiceFlag.postgres(text, environment: ["PD_FUZZ": "x"])
            _ = try? QuickServiceFlag.memcached(text)
            _ = try? MetricsEndpoint.parseListen(text)
            _ = try? DurationText.parse(text)
            _ = try? DurationText.parseInterval(text)
            _ = try? DurationText.seconds(text)
            _ = ConfigUnits.duration(text)
            _ = ConfigUnits.byteSize(text)
            _ = InterfaceFilter(parsing: text)
        },
    ]

    /// Most results gathered from one input: a scrape sends a dozen queries.
    static let postgresResultLimit = 64

    /// Feeds one server byte stream through the decoder, the authentication exchange and the scrape's reading.
    static func postgresSession(_ bytes: UnsafeRawBufferPointer) {
        var buffer = ByteBuffer(bytes: bytes)
        var authentication = PostgresAuthentication(user: "monitor", password: "secret")
        var results: [PostgresQueryResult] = []
        var current = PostgresQueryResult()
        var statement = PostgresStatementResult()
        var version = ""
        while results.count < postgresResultLimit, let message = try? PostgresWire.decode(&buffer) {
            switch message {
            case .authentication(let code, let data):
                _ = try? authentication.respond(code: code, data: data)
            case .parameterStatus(let name, let value):
                if name == "server_version" { version = value }
            case .rowDescription(let columns):
                statement = PostgresStatementResult(columns: columns)
            case .dataRow(let row):
                statement.rows.append(row)
            case .commandComplete:
                current.statements.append(statement)
                statement = PostgresStatementResult()
            case .error(let error):
                current.error = error
            case .readyForQuery:
                results.append(current)
                current = PostgresQueryResult()
            case .other:
                break
            }
        }
        _ = PostgresConnection.versionNumber(version)
        // The first ReadyForQuery ends the startup; a short session is padded so the reading still runs.
        let answers = Array(results.dropFirst())
        _ = try? PostgresQueries.reading(answers + Array(repeating: PostgresQueryResult(), count: max(0, 12 - answers.count)),
                                         serverVersion: version)
    }
}
