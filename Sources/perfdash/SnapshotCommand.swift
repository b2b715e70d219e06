import ArgumentParser
import Foundation
import PerfdashCore
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// `perfdash snapshot`: sample the host headless and write snapshots as JSON, NDJSON, CSV or Prometheus text.
struct SnapshotCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapshot",
        abstract: "Write host snapshots (rates, window statistics, autoscalers) without the dashboard.",
        discussion: """
            The first snapshot comes one interval after the start: rates need two readings. SIGINT or SIGTERM \
            stops the run after the snapshot being written; a JSON array is closed and the exit status is 0. \
            Services ([[service]] in the config file, --scrape, --redis) are scraped in the background every \
            interval and reported in the services section; a service that is down never fails a snapshot. \
            Autoscalers ([[autoscaler]] in the config file, and/or --autoscale-metric with the policy flags) are \
            stepped every snapshot and reported in its autoscaler section. Alert rules (built-in host rules and \
            [[alert]] tables) are evaluated every snapshot into its alerts section, the advisor into findings; \
            --alerts-exit turns a critical alert into exit status 2. With --prometheus (or [prometheus] in the \
            config file) the fleet read from that server is the fleet section, and autoscalers can read PromQL. \
            Flags win over the config file, which \
            wins over the defaults.
            """)

    @OptionGroup(title: "Sampling") var common: CommonOptions

    // Unconditional, so `--count -1` reaches the range check instead of reading as a missing value.
    @Option(parsing: .unconditional, help: "Number of snapshots; 0 writes until interrupted.")
    var count: Int = 1

    @Option(help: "Output format: json, ndjson, csv or prometheus.")
    var format: String = "json"

    @Option(help: ArgumentHelp("Append to this file (created if missing) instead of standard output.",
                               valueName: "file"))
    var output: String?

    @Flag(name: .customLong("alerts-exit"), help: ArgumentHelp(
        "Exit with status 2 when an alert is firing at the critical level at the last snapshot (for cron and CI).",
        discussion: "Status 0: no critical alert; 1: an error; 2: a critical alert. Pending alerts and warnings "
            + "leave it 0."))
    var alertsExit = false

    @Option(name: .customLong("alert-command"), help: ArgumentHelp(
        "Run this command on every alert change with the change as JSON on standard input (split into arguments "
            + "like a shell would, never run by one; 10 s timeout; a failure is reported on stderr, never fatal).",
        valueName: "command"))
    var alertCommand: String?

    @Option(help: ArgumentHelp("CSV layout: wide (one row per snapshot, one column per series, columns fixed by "
                               + "the first snapshot) or long (one row per series, with the window statistics).",
                               valueName: "layout"))
    var csvLayout: String = "wide"

    @OptionGroup(title: "Config file and services")
    var services: ConfigOptions

    /// The exit status of `--alerts-exit` when a critical alert fires.
    static let criticalExitCode: Int32 = 2

    @OptionGroup(title: "Autoscaler (one, for the simple case)")
    var autoscale: AutoscaleOptions

    @OptionGroup(title: "Fleet (a Prometheus server)")
    var fleet: FleetOptions

    func run() async throws {
        // Signals first: a SIGTERM while the config loads must not kill the process before the output is valid.
        let stop = StopRequest()
        let signals = SignalWatcher(SIGINT, SIGTERM) { _ in stop.request() }
        defer { signals.stop() }
        guard let format = SnapshotFormat(parsing: format) else {
            throw CommandLineError("--format: unknown format '\(Echo.cut(self.format))' (use json, ndjson, csv or prometheus)")
        }
        guard count >= 0 else { throw CommandLineError("--count: must be 0 or more, not \(count)") }
        let config = try services.effective()
        var configuration = try common.samplerConfiguration(config: config)
        let autoscalers = try autoscale.specs(adding: config)
        let reader = try common.openReader(config: config)
        let runner: AlertCommandRunner?
        do {
            runner = try alertCommand.map { command in
                try AlertCommandRunner(command: command) { line in ErrorVoice.report(line) }
            }
        } catch {
            throw CommandLineError("--alert-command: \(error)")
        }
        guard let layout = SnapshotCSVLayout(rawValue: csvLayout) else {
            throw CommandLineError("--csv-layout: unknown layout '\(csvLayout)' (use wide or long)")
        }
        // A wide CSV row holds values only: the window statistics would be computed for nothing.
        configuration.windowStatistics = !(format == .csv && layout == .wide)
        let sink = try SnapshotSink(path: output)
        defer { sink.close() }
        let continued = format == .csv && sink.hadContent
        var stream = SnapshotStream(format: format, single: count == 1, writeHeader: !continued, csvLayout: layout,
                                    csvColumns: continued && layout == .wide ? try Self.wideColumns(of: output) : nil)
        // A JSON file is a complete document (`[]`) before the first snapshot and after each one.
        if sink.isRegularFile { try sink.write(stream.startClosed()) }
        let limit = count == 0 ? nil : count
        let collector = config.services.isEmpty ? nil
            : ServiceCollector(services: config.services, interval: configuration.interval)
        let scraping = collector?.start()
        defer { scraping?.cancel() }
        let fleetCollector = try fleet.collector(config: config, sampler: configuration, autoscalers: autoscalers)
        // The first snapshot carries a fleet: one round is awaited (bounded by the query timeout), then the
        // collector keeps rounding in the background.
        if let fleetCollector {
            await fleetCollector.round(at: Double(WallClock.unixMilliseconds()) / 1000, clock: ContinuousClock())
        }
        let querying = fleetCollector.map { collector in
            Task {
                let clock = ContinuousClock()
                try? await clock.sleep(for: collector.settings.interval)
                await collector.run(clock: clock)
            }
        }
        defer { querying?.cancel() }
        // The loop blocks a thread of its own between ticks: a task's sleep would cost a timer thread and a hand-off
        // per tick, which at 10 ms was a quarter of the run's CPU.
        let clock = ThreadClock()
        // Signals only cancel the wait for the next tick: the snapshot being written is finished first.
        stop.onRequest { clock.cancel() }
        let last = try await Self.onThread(named: "perfdash sampling") { [stream, configuration] in
            var monitor = LiveMonitor(
                monitor: Monitor(sampler: Sampler(reader: reader, configuration: configuration),
                                 autoscalers: autoscalers, alerts: config.alerts,
                                 advisor: config.advisor.enabled ? config.advisor : nil),
                services: collector, fleet: fleetCollector)
            return try Self.write(&monitor, clock: clock, interval: configuration.interval, count: limit,
                                  stream: stream, to: sink, alertCommand: runner)
        }
        // Commands still queued get a bounded time to finish; the snapshots are already written.
        _ = runner?.wait(timeout: .seconds(15))
        if alertsExit, last?.alerts?.highestLevel == .critical { throw ExitCode(Self.criticalExitCode) }
    }

    /// Runs `body` on a new thread and returns (or throws) what it did, without holding a task's thread meanwhile.
    private static func onThread<T: Sendable>(named name: String,
                                              _ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread { continuation.resume(with: Result { try body() }) }
            thread.name = name
            thread.start()
        }
    }

    /// The series columns of the wide CSV file being continued, from its header; refuses another header.
    private static func wideColumns(of path: String?) throws(CommandLineError) -> [String] {
        guard let path, let header = SnapshotSink.firstLine(of: path) else { return [] }
        let fields = SnapshotCSV.headerFields(header)
        guard fields.starts(with: SnapshotCSV.wideLeadingColumns), fields != SnapshotCSV.columns else {
            throw CommandLineError("--output \(path): its header is not a wide perfdash CSV header "
                                   + "(continue a long file with --csv-layout long)")
        }
        return Array(fields.dropFirst(SnapshotCSV.wideLeadingColumns.count))
    }

    /// Samples on the real clock and writes every record whole; the stream is closed on every way out.
    /// Returns the last snapshot written.
    private static func write(_ monitor: inout LiveMonitor, clock: ThreadClock, interval: Duration, count: Int?,
                              stream: SnapshotStream, to sink: SnapshotSink,
                              alertCommand: AlertCommandRunner?) throws -> Snapshot? {
        var stream = stream
        var last: Snapshot?
        let loop = SamplingLoop(clock: clock, interval: interval)
        do {
            try loop.runBlocking(&monitor, count: count) { snapshot in
                let (replacing, bytes) = stream.closedRecord(snapshot)
                try replacing > 0 ? sink.replace(last: replacing, with: bytes) : sink.write(bytes)
                for notice in stream.takeNotices() { ErrorVoice.report("snapshot: \(notice)") }
                alertCommand?.submit(snapshot.alerts?.changes ?? [])
                last = snapshot
            }
        } catch {
            try? sink.write(stream.finish())
            throw error
        }
        try sink.write(stream.finish())
        return last
    }
}
