import Dispatch
import PerfdashCore
import PerfdashDemo
import Synchronization

/// `perfdash --demo`: the demo service running inside the dashboard's process, scraped as the service `demo`.
///
/// The dashboard's command runs synchronously on the main thread; the demo is async, so starting and stopping it
/// wait here for a detached task (never on a cooperative thread, which the scrapes and the workload need).
struct DemoInProcess {
    /// The service name the demo is scraped as.
    static let name = "demo"

    /// The running service.
    let handle: DemoHandle
    /// The config with the `demo` service added after the configured ones.
    let config: PerfdashConfig

    /// What the Services panel says about it.
    var note: String {
        "demo, demo-db: a synthetic workload started by --demo (not real services): L1 LRU → L2 "
            + "\(handle.secondTier) → L3 simulated database (demo-db, as a PostgreSQL source would show it), "
            + "queues high/normal/low/batch, at \(handle.url)"
    }

    /// The sources of the services `--demo` adds that are not scraped over the network: its database tier.
    var sources: [String: any ServiceSource] {
        [DemoDatabaseSource.name: DemoDatabaseSource(handle: handle)]
    }

    /// Starts the demo on a free loopback port and adds it to `existing`'s services.
    static func start(existing: PerfdashConfig) throws -> DemoInProcess {
        for taken in [name, DemoDatabaseSource.name] where existing.services.contains(where: { $0.name == taken }) {
            throw CommandLineError("--demo: a service named \"\(taken)\" is already configured in \(existing.origin)")
        }
        let (url, handle) = try blocking { try await DemoService.start(port: 0) }
        do {
            let service = try QuickServiceFlag.scrape("\(name)=\(url)")
            return DemoInProcess(handle: handle, config: try existing.adding([service, DemoDatabaseSource.config]))
        } catch {
            blocking { await handle.stop() }
            throw CommandLineError("--demo: \(error)")
        }
    }

    /// The autoscaler `--demo` adds when none is configured: the HPA target policy on the batch queue, 10 jobs
    /// per replica (average value), starting from 2 replicas, between 1 and 10.
    static func autoscaler() throws(CommandLineError) -> AutoscalerSpec {
        var flags = AutoscaleFlags()
        flags.name = "demo-batch"
        flags.metrics = [SeriesName.service(name, "queue.batch.depth")]
        flags.policy = "target"
        flags.targets = [10]
        flags.targetTypes = ["average_value"]
        flags.replicas = 2
        flags.minReplicas = 1
        flags.maxReplicas = 10
        do {
            guard let spec = try flags.spec() else { throw CommandLineError("--demo: no autoscaler") }
            return spec
        } catch let error as CommandLineError {
            throw error
        } catch {
            throw CommandLineError("--demo: \(error)")
        }
    }

    /// Stops the workload and the server; waits until both are down.
    func stop() {
        blocking { await handle.stop() }
    }
}

/// Runs `operation` on a detached task and waits for it: for synchronous code on a thread that may block.
func blocking<T: Sendable>(_ operation: @escaping @Sendable () async throws -> T) throws -> T {
    let result = Mutex<Result<T, any Error>?>(nil)
    let done = DispatchSemaphore(value: 0)
    Task.detached {
        do {
            let value = try await operation()
            result.withLock { $0 = .success(value) }
        } catch {
            result.withLock { $0 = .failure(error) }
        }
        done.signal()
    }
    done.wait()
    return try result.withLock { $0! }.get()
}

/// `blocking` for an operation that cannot fail.
func blocking(_ operation: @escaping @Sendable () async -> Void) {
    try? blocking { () async throws -> Void in await operation() }
}
