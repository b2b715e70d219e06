import Foundation
import Testing
@testable import PerfdashCore
import PerfdashTestSupport

/// The redis_exporter preset on the real exporter (Debian's prometheus-redis-exporter) in front of a real
/// redis-server, both on loopback.
@Suite("redis_exporter preset, live", .serialized)
struct RedisExporterPresetTests {
    static func redisCLI(_ port: Int, _ arguments: [String]) throws -> String {
        let run = try runProcess(["redis-cli", "-p", String(port)] + arguments)
        #expect(run.status == 0, "\(run.stderr)")
        return run.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func keyspaceHitsClientsAndCommands() throws {
        let redis = try RedisServer()
        defer { redis.stop() }
        let port = try Sockets.freePort()
        let exporter = try ChildProcess(["prometheus-redis-exporter", "-redis.addr", "redis://127.0.0.1:\(redis.port)",
                                         "-web.listen-address", "127.0.0.1:\(port)"], output: .pipe)
        defer { exporter.stop() }
        try exporter.waitUntilListening(port: port)
        _ = try Self.redisCLI(redis.port, ["SET", "present", "1"])
        for _ in 0..<9 { _ = try Self.redisCLI(redis.port, ["GET", "present"]) }
        _ = try Self.redisCLI(redis.port, ["GET", "absent"])
        let maxClients = try Self.redisCLI(redis.port, ["CONFIG", "GET", "maxclients"]).split(separator: "\n").last
            .flatMap { Double($0) }

        let (body, contentType) = try ExpositionTestSupport.fetch("http://127.0.0.1:\(port)/metrics")
        let metrics = ServiceMetrics(totals: try Exposition.sample(from: body, contentType: contentType,
                                                                   names: .defaults))
        #expect(metrics.red.presets.first == "redis_exporter")
        // 9 GETs of a key that exists, 1 of one that does not; the exporter's own INFO/CONFIG are not reads.
        let keyspace = try #require(metrics.caches.first { $0.name == "keyspace" })
        #expect(keyspace.hits == 9 && keyspace.misses == 1 && keyspace.hitRate == 0.9)
        let clients = try #require(metrics.red.pools.first { $0.name == "clients" })
        #expect(clients.max == maxClients)
        #expect((clients.inUse ?? 0) >= 1)
        // SET, 10 GETs, CONFIG GET and the exporter's commands: at least 12.
        #expect((metrics.red.service?.requests ?? 0) >= 12)
    }
}
