import ArgumentParser
import Foundation
import PerfdashCore

/// `perfdash probe TARGET`: scrape one target once and print what perfdash sees.
struct ProbeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "probe",
        abstract: "Scrape one target once and print its series count, hit rates, queue depths and latencies.",
        discussion: """
        TARGET is a file holding a Prometheus 0.0.4 or OpenMetrics exposition (an http(s):// URL or \
        redis://host:port where those sources are built in). A single scrape has no earlier one to take deltas \
        from, so rates and quantiles come from the counters' totals since the service started. A parse error \
        prints the file, line and column and exits with status 1.
        """)

    /// How the report is printed.
    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: "A file path, an http(s):// URL or redis://host:port.")
    var target: String

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Option(name: .customLong("content-type"),
            help: "Treat a file as this Content-Type (default: OpenMetrics when it has a '# EOF' line).")
    var contentType: String?

    func run() async throws {
        let names = ServiceMetricNames.defaults
        do {
            let source = try ProbeTarget(target).source(contentType: contentType, names: names)
            let sample = try await source.scrape()
            let report = ProbeReport(target: target, metrics: ServiceMetrics(totals: sample))
            print(format == .json ? try report.json() : report.text())
        } catch let error as ExpositionError {
            try fail(ProbeFailure(target: target, line: error.line, column: error.column,
                                  message: error.reason.description))
        } catch let error as ProbeSourceError {
            try fail(ProbeFailure(target: target, line: nil, column: nil, message: error.description))
        }
    }

    /// Prints the failure (as JSON on stdout for `--format json`, else one line on stderr) and exits with 1.
    private func fail(_ failure: ProbeFailure) throws -> Never {
        if format == .json {
            print(try failure.json())
        } else {
            FileHandle.standardError.write(Data("perfdash probe: \(failure.text)\n".utf8))
        }
        throw ExitCode(1)
    }
}

/// Where `perfdash probe` gets its one scrape from. File targets are read here; HTTP and Redis sources
/// conform elsewhere and are returned by `ProbeTarget.source`.
protocol ProbeSource: Sendable {
    /// Reads the target once.
    func scrape() async throws -> ServiceSample
}

/// A probe target as given on the command line.
enum ProbeTarget: Equatable {
    case file(String)
    case http(String)
    case redis(String)

    init(_ text: String) {
        let lowered = text.lowercased()
        if lowered.hasPrefix("http://") || lowered.hasPrefix("https://") {
            self = .http(text)
        } else if lowered.hasPrefix("redis://") {
            self = .redis(text)
        } else {
            self = .file(text)
        }
    }

    /// The source that scrapes this target.
    func source(contentType: String?, names: ServiceMetricNames) throws -> any ProbeSource {
        switch self {
        case .file(let path):
            return FileProbeSource(path: path, contentType: contentType, names: names)
        case .http(let url), .redis(let url):
            throw ProbeSourceError(description: "\(url): this build has no source for this kind of target yet")
        }
    }
}

/// A target that cannot be read at all (missing file, unsupported scheme).
struct ProbeSourceError: Error, CustomStringConvertible {
    let description: String
}

/// An exposition in a file, parsed like a scrape body.
struct FileProbeSource: ProbeSource {
    let path: String
    let contentType: String?
    let names: ServiceMetricNames

    func scrape() async throws -> ServiceSample {
        let body: Data
        do {
            body = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw ProbeSourceError(description: "cannot read \(path): \((error as NSError).localizedDescription)")
        }
        return try Exposition.sample(from: Array(body), contentType: contentType, names: names)
    }
}
