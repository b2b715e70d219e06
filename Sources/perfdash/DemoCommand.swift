import ArgumentParser
import Foundation
import PerfdashCore
import PerfdashDemo

/// `perfdash demo`: runs the synthetic instrumented service so every services panel has something to show.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run a synthetic instrumented service (caches, queues, latency) serving /metrics on 127.0.0.1.",
        discussion: """
            The workload is simulated, not a real service: an L1 LRU cache with TTL, an L2 (in-process, or a real \
            Redis with --redis), an L3 "database", four priority queues (high/normal/low/batch) on a worker pool, a \
            connection pool and a rate limiter, with bursts every minute. The same --seed gives the same run.
            """)

    @Option(help: "Port for /metrics on 127.0.0.1 (0 picks a free port and prints it).")
    var port = 9464

    @Option(help: ArgumentHelp("Use a real Redis as the L2 cache (GET/SETEX on perfdash:demo:* keys).",
                               valueName: "host:port"))
    var redis: String?

    @Option(help: ArgumentHelp("Stop after this long (e.g. 10s, 2m); default: run until Ctrl-C.", valueName: "time"),
            transform: parseDuration)
    var duration: Duration?

    @Option(help: "Seed of the workload's random draws.")
    var seed: UInt64 = 42

    @Option(help: "Base request rate per second (bursts go to twice this; the rate limiter scales with it).")
    var rate: Double = 300

    @Flag(help: "Print only the banner and the final summary, no status line every 10 s.")
    var quiet = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be 0…65535, got \(port)") }
        guard rate > 0, rate <= 100_000 else { throw ValidationError("--rate must be in (0, 100000], got \(rate)") }
    }

    func run() async throws {
        var options = DemoOptions()
        options.port = port
        options.redis = redis
        options.workload = WorkloadConfiguration(baseRate: rate)
        options.workload.seed = seed
        // Signals are taken over before the service starts, so an early Ctrl-C still stops it cleanly.
        let signals = SignalWatcher(SIGINT, SIGTERM)
        let (url, handle) = try await DemoService.start(options: options)
        say(Self.banner(url: url, handle: handle))

        let received = signals.received
        let reason = await withTaskGroup(of: String?.self) { group in
            group.addTask {
                for await number in received { return number == SIGINT ? "SIGINT" : "SIGTERM" }
                return nil
            }
            if let duration {
                group.addTask { (try? await Task.sleep(for: duration)) == nil ? nil : "--duration \(duration.formatted)" }
            }
            if !quiet {
                group.addTask {
                    let start = ContinuousClock.now
                    var previous = WorkloadStats()
                    while (try? await Task.sleep(for: .seconds(10))) != nil {
                        let current = handle.stats
                        say(Self.statusLine(current, since: previous, elapsed: ContinuousClock.now - start))
                        previous = current
                    }
                    return nil
                }
            }
            var reason: String?
            while reason == nil, let next = await group.next() { reason = next }
            group.cancelAll()
            return reason ?? "stopped"
        }
        signals.stop()
        await handle.stop()
        let stats = handle.stats
        say("perfdash demo: stopped (\(reason)): \(stats.requests) synthetic requests, "
            + "L1 hit rate \(Self.percent(stats.hitRate(.l1)))")
    }

    static func banner(url: String, handle: DemoHandle) -> String {
        let config = handle.configuration
        return """
            perfdash demo: synthetic workload (not a real service), metrics at \(url)
              L1 LRU \(config.l1Capacity) entries, TTL \(config.l1TimeToLive.formatted) → L2 \(handle.secondTier) → \
            L3 simulated database; queues high/normal/low/batch on \(config.workers) workers; \
            ~\(Int(config.schedule.baseRate)) req/s with bursts each minute; seed \(config.seed)
              watch it: perfdash --scrape demo=\(url)    stop: Ctrl-C
            """
    }

    /// One line per 10 s: traffic and hit rates over the last interval, queue depths now.
    static func statusLine(_ stats: WorkloadStats, since previous: WorkloadStats, elapsed: Duration) -> String {
        var window = WorkloadStats()
        for level in CacheLevel.allCases {
            window.hits[level] = stats.hits[level, default: 0] - previous.hits[level, default: 0]
            window.misses[level] = stats.misses[level, default: 0] - previous.misses[level, default: 0]
        }
        let seconds = Int(elapsed.components.seconds)
        let statuses = DemoMetrics.statuses.map {
            "\($0):\(stats.responses[$0, default: 0] - previous.responses[$0, default: 0])"
        }
        let depths = JobPriority.allCases.map {
            "\($0.rawValue) \(stats.enqueued[$0, default: 0] - stats.started[$0, default: 0])"
        }
        return String(format: "[%d:%02d] ", seconds / 60, seconds % 60)
            + "\(stats.requests - previous.requests) requests (\(statuses.joined(separator: " "))), "
            + "L1 hit \(percent(window.hitRate(.l1))), L2 hit \(percent(window.hitRate(.l2))), "
            + "queues \(depths.joined(separator: ", "))"
    }

    static func percent(_ rate: Double?) -> String {
        PercentText.measured(rate.map { $0 * 100 })
    }
}

/// Writes a line to stdout unbuffered, so a script reading the pipe sees the banner at once.
private func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

/// Reads `10s`, `2m`, `500ms`, `1h`, `1.5s` or a bare number of seconds.
private func parseDuration(_ text: String) throws -> Duration {
    let units: [(String, Double)] = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600)]
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    let (number, scale) = units.first { trimmed.hasSuffix($0.0) && Double(trimmed.dropLast($0.0.count)) != nil }
        .map { (Double(trimmed.dropLast($0.0.count))!, $0.1) } ?? (Double(trimmed) ?? -1, 1)
    guard number > 0, number.isFinite else {
        throw ValidationError("--duration: expected a time like 10s, 2m, 500ms or 1h, got '\(Echo.cut(text))'")
    }
    return .seconds(number * scale)
}

extension Duration {
    /// `90s` → "1m30s", `10s` → "10s", `500ms` → "0.5s".
    fileprivate var formatted: String {
        let total = Double(components.seconds) + Double(components.attoseconds) * 1e-18
        if total < 60 { return total == total.rounded() ? "\(Int(total))s" : String(format: "%gs", total) }
        let whole = Int(total)
        return whole % 60 == 0 ? "\(whole / 60)m" : "\(whole / 60)m\(whole % 60)s"
    }
}
