import ArgumentParser
import Foundation
import PerfdashCore

/// `--prometheus URL`: the server the Fleet panel, the `fleet` snapshot section and PromQL autoscaler inputs read.
struct FleetOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Prometheus server for the Fleet panel and PromQL autoscaler inputs (overrides [prometheus] url). "
            + "Credentials from PERFDASH_PROMETHEUS_TOKEN, or PERFDASH_PROMETHEUS_USER and "
            + "PERFDASH_PROMETHEUS_PASSWORD, or the config file; never from the command line.",
        valueName: "url"))
    var prometheus: String?

    /// The fleet collector the flags and `config` describe (nil: no server), evaluating the autoscalers' PromQL
    /// inputs too; an autoscaler with a PromQL input and no server is refused.
    func collector(config: PerfdashConfig, sampler: SamplerConfiguration,
                   autoscalers: [AutoscalerSpec]) throws(CommandLineError) -> FleetCollector? {
        var settings = config.prometheus
        if let prometheus {
            do {
                let fromFlag = try PrometheusConfig.commandLine(url: prometheus,
                                                                environment: ProcessInfo.processInfo.environment)
                // The flag replaces the URL; the file's other settings (source, matchers, auth) still apply
                // unless the environment gave credentials.
                if var file = settings {
                    file.endpoint = fromFlag.endpoint
                    if fromFlag.auth != .none { file.auth = fromFlag.auth }
                    settings = file
                } else {
                    settings = fromFlag
                }
            } catch {
                throw CommandLineError("--prometheus: \(error)")
            }
        }
        let inputs = autoscalers.flatMap(\.promQLInputs)
        guard let settings else {
            if let spec = autoscalers.first(where: { !$0.promQLInputs.isEmpty }) {
                throw CommandLineError("autoscaler \"\(spec.name)\" reads a PromQL query: give a Prometheus server "
                    + "with --prometheus URL or [prometheus] url in the config file")
            }
            return nil
        }
        return FleetCollector(settings: settings.settings(interval: sampler.interval, window: sampler.window),
                              inputQueries: inputs)
    }
}
