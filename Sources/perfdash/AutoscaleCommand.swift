import ArgumentParser
import Foundation
import PerfdashCore

/// `perfdash autoscale`: tools around the autoscaler.
struct AutoscaleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "autoscale",
        abstract: "Autoscaler tools.",
        subcommands: [AutoscaleSimulateCommand.self]
    )
}

/// `perfdash autoscale simulate`: replay a metric history through a policy, one line per decision.
struct AutoscaleSimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Replay a metric history (CSV) through an autoscaler policy.",
        discussion: """
            Input rows are `seconds,value` or `seconds,name=value,...`; an optional header names positional \
            columns. Each row is one step of the same Autoscaler the dashboard runs. Replicas are tracked: \
            every decision is applied before the next row (unless replicas_source is fixed or metric).
            """
    )

    @Option(help: ArgumentHelp(
        "CSV file of seconds,value or seconds,name=value,... rows.", valueName: "file"))
    var input: String
    @Option(help: ArgumentHelp(
        "TOML file with [[autoscaler]] tables (instead of the policy flags).", valueName: "file"))
    var config: String?
    @Option(help: ArgumentHelp(
        "Which [[autoscaler]] of --config to run (needed when there are several).", valueName: "name"))
    var name: String?
    @Option(help: ArgumentHelp(
        "text, json or csv.", valueName: "format"))
    var format: OutputFormat = .text
    @Flag(name: .customLong("only-changes"), help: "Print only up and down decisions.")
    var onlyChanges = false
    @OptionGroup var autoscale: AutoscaleOptions

    func run() throws {
        let spec = try simulationSpec()
        let text = try InputFile.readText(input)
        let rows: [SimulationInput.Row]
        do {
            rows = try SimulationInput.parse(text, file: input, defaultSeries: spec.metrics[0].series)
        } catch {
            throw CommandLineError(error.description)
        }
        var recommendations = AutoscaleSimulation.run(spec: spec, rows: rows)
        if onlyChanges { recommendations.removeAll { $0.action == .none } }
        print(try format.recommendationFormat.render(recommendations), terminator: "")
    }

    /// The spec from --config (and --name) or the flags, made to track its own decisions.
    private func simulationSpec() throws -> AutoscalerSpec {
        var spec: AutoscalerSpec
        if let config {
            if autoscale.describesPolicy {
                throw CommandLineError("give the policy either in --config or as flags, not both "
                    + "(only --replicas may be combined with --config)")
            }
            spec = try Self.specFromConfig(config, name: name)
        } else {
            if name != nil { throw CommandLineError("--name picks an autoscaler of --config") }
            do {
                guard let fromFlags = try autoscale.flags.spec() else {
                    throw CommandLineError("give --config FILE or --autoscale-metric with the policy flags")
                }
                spec = fromFlags
            } catch let error as AutoscaleConfigError {
                throw CommandLineError(error.description)
            }
        }
        // Tracked unless the spec asks otherwise: a fixed count stays (advice only), a metric count comes
        // from the CSV's replica column. --replicas sets the (starting) count either way.
        switch spec.replicas {
        case .tracked(let initial):
            spec.replicas = .tracked(initial: autoscale.replicas ?? initial)
        case .fixed(let count):
            spec.replicas = .fixed(autoscale.replicas ?? count)
        case .metric(let series, let fallback):
            spec.replicas = .metric(series: series, fallback: autoscale.replicas ?? fallback)
        }
        return spec
    }

    private static func specFromConfig(_ path: String, name: String?) throws -> AutoscalerSpec {
        let specs: [AutoscalerSpec]
        do {
            specs = try ConfigLoader.load(path: path, environment: ProcessInfo.processInfo.environment).autoscalers
        } catch {
            throw CommandLineError(error.description)
        }
        let names = specs.map(\.name).joined(separator: ", ")
        if let name {
            guard let spec = specs.first(where: { $0.name == name }) else {
                throw CommandLineError("\(path): no autoscaler named \"\(Echo.cut(name))\" (have: \(names))")
            }
            return spec
        }
        guard specs.count == 1 else {
            throw CommandLineError(specs.isEmpty ? "\(path): no [[autoscaler]] table"
                : "\(path): several autoscalers (\(names)): pick one with --name")
        }
        return specs[0]
    }
}

/// `--format`: the output formats of ``RecommendationFormat`` as an argument.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, csv

    var recommendationFormat: RecommendationFormat {
        switch self {
        case .text: .text
        case .json: .json
        case .csv: .csv
        }
    }
}
