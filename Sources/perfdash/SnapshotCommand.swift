import ArgumentParser
import Dispatch
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
            stepped every snapshot and reported in its autoscaler section. Flags win over the config file, which \
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

    @Option(help: ArgumentHelp("CSV layout: wide (one row per snapshot, one column per series, columns fixed by "
                               + "the first snapshot) or long (one row per series, with the window statistics).",
                               valueName: "layout"))
    var csvLayout: String = "wide"

    @OptionGroup(title: "Config file and services")
    var services: ConfigOptions

    @OptionGroup(title: "Autoscaler (one, for the simple case)")
    var autoscale: AutoscaleOptions

    func run() async throws {
        // Signals first: a SIGTERM while the config loads must not kill the process before the output is valid.
        let stop = StopRequest()
        let signals = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { stop.request() }
            source.resume()
            return source
        }
        defer { signals.forEach { $0.cancel() } }
        guard let format = SnapshotFormat(parsing: format) else {
            throw CommandLineError("--format: unknown format '\(Echo.cut(self.format))' (use json, ndjson, csv or prometheus)")
        }
        guard count >= 0 else { throw CommandLineError("--count: must be 0 or more, not \(count)") }
        let config = try services.effective()
        let configuration = try common.samplerConfiguration(config: config)
        let autoscalers = try autoscale.specs(adding: config)
        let reader = try common.openReader(config: config)
        guard let layout = SnapshotCSVLayout(rawValue: csvLayout) else {
            throw CommandLineError("--csv-layout: unknown layout '\(csvLayout)' (use wide or long)")
        }
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
        let run = Task { [stream] in
            var monitor = LiveMonitor(
                monitor: Monitor(sampler: Sampler(reader: reader, configuration: configuration),
                                 autoscalers: autoscalers),
                services: collector)
            try await Self.write(&monitor, interval: configuration.interval, count: limit, stream: stream, to: sink)
        }
        // Signals only cancel the wait for the next tick: the snapshot being written is finished first.
        stop.onRequest { run.cancel() }
        try await run.value
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
    private static func write(_ monitor: inout LiveMonitor, interval: Duration, count: Int?,
                              stream: SnapshotStream, to sink: SnapshotSink) async throws {
        var stream = stream
        let loop = SamplingLoop(clock: ContinuousClock(), interval: interval)
        do {
            try await loop.run(&monitor, count: count) { snapshot in
                let (replacing, bytes) = stream.closedRecord(snapshot)
                try replacing > 0 ? sink.replace(last: replacing, with: bytes) : sink.write(bytes)
                for notice in stream.takeNotices() { ErrorVoice.report("snapshot: \(notice)") }
            }
        } catch {
            try? sink.write(stream.finish())
            throw error
        }
        try sink.write(stream.finish())
    }
}

/// A stop asked for by a signal, possibly before there is anything to stop: the action runs at once if the request
/// came first.
private final class StopRequest: Sendable {
    private let state = Mutex<(requested: Bool, action: (@Sendable () -> Void)?)>((false, nil))

    func request() {
        let action = state.withLock { state in
            state.requested = true
            return state.action
        }
        action?()
    }

    func onRequest(_ action: @escaping @Sendable () -> Void) {
        let requested = state.withLock { state in
            state.action = action
            return state.requested
        }
        if requested { action() }
    }
}
