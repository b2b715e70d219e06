import ArgumentParser
import Foundation
import PerfdashCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// `perfdash serve`: the agent side of a fleet; `/metrics` for a Prometheus server.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve what perfdash computes on /metrics for a Prometheus server.",
        discussion: """
            Samples on its own tick (--interval) with the same monitor as the dashboard: host series, window \
            statistics, services ([[service]], --scrape, --redis) and autoscalers with their recommendations. \
            Each tick renders the exposition once, in Prometheus text 0.0.4 and OpenMetrics 1.0.0; a scrape gets \
            the format its Accept header asks for and costs a copy of those bytes. Listens on 127.0.0.1:9464 \
            unless --listen names another address (0.0.0.0:9464 for every interface). Prints the URL once \
            listening; SIGINT or SIGTERM stops it.
            """)

    @OptionGroup var common: CommonOptions

    @Option(help: ArgumentHelp("Address to listen on (HOST:PORT; port 0 picks a free one).", valueName: "addr"))
    var listen: String = MetricsEndpoint.defaultListen

    @OptionGroup(title: "Config file and services")
    var services: ConfigOptions

    @OptionGroup(title: "Autoscaler (one, for the simple case)")
    var autoscale: AutoscaleOptions

    @OptionGroup(title: "Prometheus (for PromQL autoscaler inputs)")
    var fleet: FleetOptions

    func run() async throws {
        // Signals first: a SIGTERM at any instant stops the server instead of killing it unclosed.
        let stop = StopRequest()
        let signals = SignalWatcher(SIGINT, SIGTERM) { _ in stop.request() }
        defer { signals.stop() }
        let config = try services.effective()
        let configuration = try common.samplerConfiguration(config: config)
        let autoscalers = try autoscale.specs(adding: config)
        let reader = try common.openReader(config: config)
        let address: (host: String, port: Int)
        do {
            address = try MetricsEndpoint.parseListen(listen)
        } catch {
            throw CommandLineError("--listen: \(error)")
        }
        let collector = config.services.isEmpty ? nil
            : ServiceCollector(services: config.services, interval: max(configuration.interval, .milliseconds(250)))
        let fleetCollector = try fleet.collector(config: config, sampler: configuration, autoscalers: autoscalers)
        let store = ExpositionStore()
        let endpoint: MetricsEndpoint
        do {
            endpoint = try await MetricsEndpoint.start(store: store, host: address.host, port: address.port)
        } catch {
            throw CommandLineError("--listen: \(error)")
        }
        // Unbuffered, so whoever started us (a test, a supervisor) sees the line at once.
        FileHandle.standardOutput.write(Data("perfdash serve: listening on \(endpoint.url)\n".utf8))
        let scraping = collector?.start()
        let querying = fleetCollector.map { $0.start() }
        let run = Task {
            var monitor = LiveMonitor(
                monitor: Monitor(sampler: Sampler(reader: reader, configuration: configuration),
                                 autoscalers: autoscalers),
                services: collector, fleet: fleetCollector, attachFleetReport: false)
            var ticks = 0
            let loop = SamplingLoop(clock: ContinuousClock(), interval: configuration.interval)
            try await loop.run(&monitor, count: nil) { snapshot in
                ticks += 1
                store.publish(snapshot, ticks: ticks)
            }
        }
        stop.onRequest { run.cancel() }
        defer {
            scraping?.cancel()
            querying?.cancel()
        }
        do {
            try await run.value
        } catch {
            await endpoint.close()
            throw error
        }
        await endpoint.close()
    }
}
