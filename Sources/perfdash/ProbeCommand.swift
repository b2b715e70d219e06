import ArgumentParser
import Foundation
import PerfdashCore

/// `perfdash probe TARGET`: scrape one target once and print what perfdash sees.
struct ProbeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "probe",
        abstract: "Scrape one target once and print its series count, hit rates, queue depths and latencies.",
        discussion: """
        TARGET is an http:// or https:// URL serving a Prometheus 0.0.4 or OpenMetrics exposition (read through \
        the detected presets: RED per route, pools, limiters — see docs/services.md), \
        redis://host:port[/db][?preset=rq&queues=default,high] (password from REDISCLI_AUTH), \
        postgres://user@host:port/db (password from PGPASSWORD), memcached://host:port, or a file holding an \
        exposition. With --service NAME the metric names \
        (and, without TARGET, the address and timeout) of that [[service]] in the config file are used. A single \
        scrape has no earlier one to take deltas from, so rates and quantiles come from the counters' totals \
        since the service started. A parse error prints the file, line and column; a service that does not \
        answer prints why; both exit with status 1.
        """)

    /// How the report is printed.
    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: "An http(s)://, redis://, postgres:// or memcached:// URL, or a file path (optional with --service).")
    var target: String?

    @Option(name: .long, help: ArgumentHelp("Config file for --service (default: $XDG_CONFIG_HOME/perfdash/config.toml).",
                                            valueName: "path"))
    var config: String?

    @Option(name: .long, help: ArgumentHelp("Use this configured service's metric names (and address, without TARGET).",
                                            valueName: "name"))
    var service: String?

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Option(name: .customLong("content-type"),
            help: "Treat a file as this Content-Type (default: OpenMetrics when it has a '# EOF' line).")
    var contentType: String?

    func run() async throws {
        let configured = try configuredService()
        guard let target = target ?? configured?.address else {
            throw CommandLineError("give a TARGET, or --service NAME of the config file")
        }
        do {
            let source: any ServiceSource
            if self.target == nil, let configured {
                source = DeadlineSource(target: configured.scrapeTarget())
            } else {
                if case .unsupported(let scheme) = ProbeTarget(target) {
                    throw ProbeSourceError(description: "\(target): unsupported scheme \"\(scheme)\" "
                                               + "(use http, https, redis, postgres or memcached, or a file path)")
                }
                var names = ServiceMetricNames.defaults
                if case .http(_, _, let configuredNames)? = configured?.endpoint { names = configuredNames }
                source = try ProbeTarget(target).source(contentType: contentType, names: names)
            }
            let sample = try await source.scrape()
            let report = ProbeReport(name: configured?.name ?? "probe",
                                     kind: configured?.kind ?? ProbeTarget(target).kind, target: target,
                                     metrics: ServiceMetrics(totals: sample))
            print(format == .json ? try report.json() : report.text())
        } catch let error as ExpositionError {
            try fail(ProbeFailure(target: target, line: error.line, column: error.column,
                                  message: error.reason.description))
        } catch let error as ProbeSourceError {
            try fail(ProbeFailure(target: target, line: nil, column: nil, message: error.description))
        } catch let error as SourceError {
            try fail(ProbeFailure(target: target, line: nil, column: nil, message: "\(target): \(error.message)"))
        }
    }

    /// The `--service` entry of the config file, if one is asked for.
    private func configuredService() throws(CommandLineError) -> ServiceConfig? {
        guard let service else {
            if config != nil { throw CommandLineError("--config is read for --service NAME; give both") }
            return nil
        }
        let loaded: PerfdashConfig
        do {
            loaded = try ConfigLoader.load(path: config, environment: ProcessInfo.processInfo.environment)
        } catch {
            throw CommandLineError(error.description)
        }
        guard let found = loaded.services.first(where: { $0.name == service }) else {
            let names = loaded.services.map(\.name).joined(separator: ", ")
            throw CommandLineError("\(loaded.origin): no service named \"\(Echo.cut(service))\" (have: \(names.isEmpty ? "none" : names))")
        }
        return found
    }

    /// Prints the failure (as JSON on stdout for `--format json`, else one line on stderr) and exits with 1.
    private func fail(_ failure: ProbeFailure) throws -> Never {
        if format == .json {
            print(try failure.json())
        } else {
            ErrorVoice.report(failure.text)
        }
        throw ExitCode(1)
    }
}

/// A probe target as given on the command line.
enum ProbeTarget: Equatable {
    case file(String)
    case http(String)
    case redis(String)
    case postgres(String)
    case memcached(String)
    /// `scheme://…` with a scheme perfdash does not speak.
    case unsupported(String)

    init(_ text: String) {
        let lowered = text.lowercased()
        if lowered.hasPrefix("http://") || lowered.hasPrefix("https://") {
            self = .http(text)
        } else if lowered.hasPrefix("redis://") {
            self = .redis(text)
        } else if lowered.hasPrefix("postgres://") || lowered.hasPrefix("postgresql://") {
            self = .postgres(text)
        } else if lowered.hasPrefix("memcached://") {
            self = .memcached(text)
        } else if let range = lowered.range(of: "://"), !lowered[..<range.lowerBound].isEmpty,
                  lowered[..<range.lowerBound].allSatisfy({ $0.isLetter || $0.isNumber || "+-.".contains($0) }) {
            self = .unsupported(String(lowered[..<range.lowerBound]))
        } else {
            self = .file(text)
        }
    }

    /// The `kind` a snapshot would give this target.
    var kind: String {
        if case .redis = self { return "redis" }
        return "prometheus"
    }

    /// The source that scrapes this target once (a live one bounded by the default timeout); HTTP bodies and
    /// files are read with `names`.
    func source(contentType: String?, names: ServiceMetricNames) throws -> any ServiceSource {
        switch self {
        case .file(let path):
            return FileProbeSource(path: path, contentType: contentType, names: names)
        case .http(let url):
            var config: ServiceConfig
            do {
                config = try QuickServiceFlag.scrape("probe=\(url)")
            } catch {
                throw ProbeSourceError(description: error.reason)
            }
            if case .http(let endpoint, let bodyLimit, _) = config.endpoint {
                config.endpoint = .http(endpoint, bodyLimit: bodyLimit, metrics: names)
            }
            return DeadlineSource(target: config.scrapeTarget())
        case .unsupported(let scheme):
            throw ProbeSourceError(description: "unsupported scheme \"\(scheme)\"")
        case .redis(let url):
            do {
                let config = try QuickServiceFlag.redis("probe=\(url)",
                                                        environment: ProcessInfo.processInfo.environment)
                return DeadlineSource(target: config.scrapeTarget())
            } catch {
                throw ProbeSourceError(description: error.reason)
            }
        case .postgres(let url):
            do {
                var config = try QuickServiceFlag.postgres("probe=\(url)",
                                                           environment: ProcessInfo.processInfo.environment)
                // Login, warming the session and one read: more than an HTTP GET.
                config.timeout = .seconds(5)
                return DeadlineSource(target: config.scrapeTarget())
            } catch {
                throw ProbeSourceError(description: error.reason)
            }
        case .memcached(let url):
            do {
                return DeadlineSource(target: try QuickServiceFlag.memcached("probe=\(url)").scrapeTarget())
            } catch {
                throw ProbeSourceError(description: error.reason)
            }
        }
    }
}

/// A live source raced against its deadline, as the collector scrapes it.
struct DeadlineSource: ServiceSource {
    let target: ScrapeTarget

    func scrape() async throws -> ServiceSample {
        try await ServiceScraper.scrape(target, clock: ContinuousClock()).result.get()
    }
}

/// A target that cannot be read at all (missing file, unsupported scheme).
struct ProbeSourceError: Error, CustomStringConvertible {
    let description: String
}

/// An exposition in a file, parsed like a scrape body.
struct FileProbeSource: ServiceSource {
    let path: String
    let contentType: String?
    let names: ServiceMetricNames

    func scrape() async throws -> ServiceSample {
        guard let body = InputFile.readBytes(path) else {
            throw ProbeSourceError(description: "cannot read \(path): \(String(cString: strerror(errno)))")
        }
        return try Exposition.sample(from: body, contentType: contentType, names: names)
    }
}
