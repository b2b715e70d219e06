/// When a tick happens: monotonic time for rates, wall time for the timestamp.
public struct SampleTime: Sendable, Equatable {
    /// Time since an arbitrary fixed origin on a monotonic clock; rates divide by differences of it.
    public var monotonic: Duration
    /// Wall-clock milliseconds since the Unix epoch, for the snapshot's timestamp.
    public var unixMilliseconds: Int64

    /// Creates a time.
    public init(monotonic: Duration, unixMilliseconds: Int64) {
        self.monotonic = monotonic
        self.unixMilliseconds = unixMilliseconds
    }
}

/// What the sampler computes and how.
public struct SamplerConfiguration: Sendable, Equatable {
    /// The nominal time between ticks; sizes the statistics windows (rates use the measured time).
    public var interval: Duration
    /// The window of the statistics put into each snapshot.
    public var window: StatsWindow
    /// Interfaces left out of the network total.
    public var networkTotal: InterfaceFilter
    /// Whether and how processes are read and reported.
    public var processes: ProcessTableOptions
    /// Whether pseudo, duplicate and over-mounted filesystems are listed too (as `df -a`).
    public var allFilesystems: Bool
    /// Whether each snapshot carries its series' window statistics (`stats`). Off where the output has no place
    /// for them (the wide CSV's one row of values per snapshot): the history still records every value.
    public var windowStatistics = true

    /// Creates a configuration; the defaults are 1 s, 1 m, the default network filter, the top 10 processes by
    /// CPU and the filesystems df lists.
    public init(interval: Duration = .seconds(1), window: StatsWindow = .oneMinute,
                networkTotal: InterfaceFilter = .defaultTotal, processes: ProcessTableOptions = ProcessTableOptions(),
                allFilesystems: Bool = false) {
        self.interval = interval
        self.window = window
        self.networkTotal = networkTotal
        self.processes = processes
        self.allFilesystems = allFilesystems
    }
}

/// Turns host readings into snapshots, one tick at a time, and keeps the history of every series.
///
/// The first tick only primes (rates need two readings) and returns nil. A tick is one pass over the open files,
/// the rate arithmetic and one update per series window: cheap enough to run every interval in the TUI.
public struct Sampler: Sendable {
    /// The host files being read.
    public let reader: HostReader
    /// The configuration; changing the interval resizes the history's windows.
    public var configuration: SamplerConfiguration {
        didSet { history.setInterval(configuration.interval) }
    }
    /// Every series' recent values and windows.
    public private(set) var history: History
    /// The last snapshot produced.
    public private(set) var latest: Snapshot?
    /// Every process at the last tick (empty when the process table is off), for the dashboard's table.
    public private(set) var processes: [ProcessReading] = []
    private var previous: (sample: HostSample, time: Duration)?
    private var processSampler: ProcessSampler?
    private let filesystems: FilesystemReader?
    /// The tick's series interned: reused while their names do not change.
    private var layout = SeriesLayout()

    /// Creates a sampler over an opened reader.
    public init(reader: HostReader, configuration: SamplerConfiguration = SamplerConfiguration()) {
        self.reader = reader
        self.configuration = configuration
        history = History(interval: configuration.interval)
        processSampler = configuration.processes.enabled ? ProcessSampler(root: reader.root) : nil
        filesystems = try? FilesystemReader(root: reader.root, includeAll: configuration.allFilesystems)
    }

    /// Reads the host; returns a snapshot from the second tick on.
    public mutating func tick(at time: SampleTime) throws(HostReadError) -> Snapshot? {
        let sample = try reader.sample()
        defer { previous = (sample, time.monotonic) }
        let elapsed = previous.map { time.monotonic - $0.time } ?? .zero
        // Processes are read on the priming tick too, so the first snapshot has their rates.
        if processSampler != nil {
            processes = processSampler!.read(seconds: elapsed.seconds, memoryTotalBytes: sample.memory?.totalBytes,
                                             cores: sample.cpu.cores.count)
        }
        guard let previous else { return nil }
        let host = HostRates.compute(from: previous.sample, to: sample, elapsed: elapsed,
                                     networkTotal: configuration.networkTotal)
        let hostSeries = host.flatSeries()
        var snapshot = Snapshot(timestampUnixMs: time.unixMilliseconds, intervalSeconds: configuration.interval.seconds,
                                elapsedSeconds: elapsed.seconds, window: configuration.window, host: host,
                                stats: SnapshotStats(names: [], summaries: []), notes: reader.notes,
                                hostSeries: hostSeries)
        snapshot.pressure = sample.pressure.map {
            HostRates.pressure(from: previous.sample.pressure, to: $0, seconds: elapsed.seconds)
        }
        snapshot.filesystems = try? filesystems?.read()
        // A root whose proc/ lists no process (a copied tree, a fixture) has no section: nothing to report.
        if processSampler != nil, !processes.isEmpty {
            snapshot.processes = ProcessesSection.make(processes, sortedBy: configuration.processes.sortKey,
                                                       count: configuration.processes.topCount)
        }
        let series = hostSeries + snapshot.sectionSeries()
        snapshot.stats = Self.record(series, layout: &layout, into: &history, window: configuration.window,
                                     statistics: configuration.windowStatistics)
        latest = snapshot
        return snapshot
    }

    /// Records series from other sources (services, the autoscaler) into the same history, so their window
    /// statistics come from the same place as the host's.
    public mutating func record(_ series: [FlatSeries]) {
        history.record(series)
    }

    /// Records series through `layout` (interned once, reused while their names do not change) and returns their
    /// statistics over the configured window.
    mutating func record(_ series: [FlatSeries], layout: inout SeriesLayout) -> SnapshotStats {
        Self.record(series, layout: &layout, into: &history, window: configuration.window,
                    statistics: configuration.windowStatistics)
    }

    private static func record(_ series: [FlatSeries], layout: inout SeriesLayout, into history: inout History,
                               window: StatsWindow, statistics: Bool) -> SnapshotStats {
        let ids = layout.ids(for: series, in: &history)
        guard statistics else {
            for (index, id) in ids.enumerated() { history.record(id, series[index].value) }
            return SnapshotStats(names: [], summaries: [])
        }
        var summaries: [Summary] = []
        summaries.reserveCapacity(series.count)
        for (index, id) in ids.enumerated() {
            history.record(id, series[index].value)
            guard let summary = history.cachedSummary(id, window: window) else { break }
            summaries.append(summary)
        }
        if summaries.count == ids.count { return SnapshotStats(names: layout.names, summaries: summaries) }
        // A series that never had a finite value has no statistics (rare): leave it out.
        var stats = SnapshotStats(names: [], summaries: [])
        for (index, id) in ids.enumerated() {
            if let summary = history.summary(id, window: window) { stats.append(series[index].name, summary) }
        }
        return stats
    }

    /// Forgets the previous reading, so the next tick primes again (after a pause, rates over the gap would mislead).
    public mutating func restart() {
        previous = nil
    }
}

/// A list of series names with their interned ids, reused from tick to tick while the names do not change (they
/// change when a disk or an interface comes or goes): a tick compares names in order, never hashes them.
struct SeriesLayout: Sendable {
    /// The names, in series order (shared with each snapshot's stats, not copied).
    private(set) var names: [String] = []
    private var cachedIDs: [History.SeriesID] = []

    /// The ids of `series`, interning them into `history` when the names changed.
    mutating func ids(for series: [FlatSeries], in history: inout History) -> [History.SeriesID] {
        if series.count != names.count || !series.indices.allSatisfy({ series[$0].name == names[$0] }) {
            names = series.map(\.name)
            cachedIDs = names.map { history.id(for: $0) }
        }
        return cachedIDs
    }
}
