import Foundation
import Testing
@testable import PerfdashCore
import PerfdashTestSupport

/// PostgreSQL over its Unix domain socket, named as libpq names it, against a real server the test starts (its
/// socket lives in the scratch directory; pg_hba lets local connections in by trust, as `peer` would let in the
/// matching OS user).
@Suite(.serialized) struct PostgresUnixSocketTests {
    @Test(arguments: [
        ("postgres:///app?host=/run/pg&port=5433", "/run/pg", 5433, "postgres", "app"),
        ("postgresql://monitor@%2Ftmp%2Fpg/app", "/tmp/pg", 5432, "monitor", "app"),
        ("postgresql://monitor@%2Ftmp%2Fpg:6000/app", "/tmp/pg", 6000, "monitor", "app"),
        ("postgres://monitor@/app", PostgresServiceConfig.defaultSocketDirectory, 5432, "monitor", "app"),
        ("postgres:///app?sslmode=disable", PostgresServiceConfig.defaultSocketDirectory, 5432, "postgres", "app"),
        // A query host overrides the authority's, as in libpq.
        ("postgres://u@db:7000/app?host=%2Fvar%2Frun%2Fpostgresql", "/var/run/postgresql", 7000, "u", "app"),
        ("postgres://u@db.example:7000/app", "db.example", 7000, "u", "app"),
    ])
    func libpqForms(url: String, host: String, port: Int, user: String, database: String) throws {
        let config = try PostgresServiceConfig.parse(url)
        #expect(config == PostgresServiceConfig(host: host, port: port, user: user, database: database))
        // The address reads back to the same config (perfdash config prints it).
        #expect(try PostgresServiceConfig.parse(config.address) == config)
        #expect((config.unixSocketPath != nil) == host.hasPrefix("/"))
    }

    @Test func refusedForms() {
        #expect(throws: EndpointError("sslmode=require: perfdash does not speak TLS to PostgreSQL "
                                      + "(use sslmode=disable, a trusted network, loopback or a Unix socket)")) {
            try PostgresServiceConfig.parse("postgres://u@h/db?sslmode=require")
        }
        #expect(throws: EndpointError("a Unix socket directory must be an absolute path, not \"tmp/pg\"")) {
            try PostgresServiceConfig.parse("postgres://u@/db?host=tmp/pg")
        }
        #expect(throws: EndpointError("port \"0\" is not a number in 1…65535")) {
            try PostgresServiceConfig.parse("postgres://u@/db?host=/tmp&port=0")
        }
        #expect(PostgresServiceConfig(host: "/tmp/pg/", port: 5432, user: "u", database: "d").unixSocketPath
                == "/tmp/pg/.s.PGSQL.5432")
    }

    @Test func readsTheServerOverItsSocket() async throws {
        let server = try PostgresServer()
        defer { server.stop() }
        try server.psql("CREATE DATABASE app")
        let encoded = server.directory.replacingOccurrences(of: "/", with: "%2F")
        for url in ["postgresql://postgres@\(encoded):\(server.port)/app",
                    "postgres:///app?host=\(server.directory)&port=\(server.port)"] {
            let config = try PostgresServiceConfig.parse(url)
            let source = PostgresSource(config: config, timeout: .seconds(20))
            let sample = try await source.sample()
            guard case .postgres(let db)? = sample.server else { throw SourceError(.other, "no postgres section") }
            #expect(db.maxConnections == 40, "\(url)")
            #expect(sample.caches["buffers"] != nil)
            // perfdash's session arrived over the socket: pg_stat_activity has no client address for it.
            #expect(try server.psql("SELECT count(*) FROM pg_stat_activity WHERE application_name = 'perfdash' "
                                    + "AND client_addr IS NULL AND client_port = -1") == "1", "\(url)")
        }
    }

    @Test func aMissingSocketSaysWhere() async throws {
        let config = try PostgresServiceConfig.parse("postgres:///app?host=/nonexistent-perfdash&port=5999")
        await #expect(throws: SourceError(.other, "/nonexistent-perfdash/.s.PGSQL.5999: no such file or directory")) {
            _ = try await PostgresSource(config: config, timeout: .seconds(2)).sample()
        }
    }
}
