/// How to run the demo service.
public struct DemoOptions: Sendable, Equatable {
    /// Port for `/metrics` on 127.0.0.1; 0 picks a free one.
    public var port: Int = 9464
    /// `HOST:PORT` of a Redis to use as L2; nil for the in-process L2.
    public var redis: String?
    /// The workload's knobs (seed, rate, capacities…).
    public var workload = WorkloadConfiguration()
    /// How often the workload catches up with the wall clock. Each tick processes the requests that arrived since
    /// the previous one, so a longer tick means fewer, larger batches (the demo never busy-waits).
    public var tick: Duration = .milliseconds(100)

    /// The defaults: port 9464, in-process L2, seed 42, about 300 requests per second.
    public init() {}
}

/// Splits `HOST:PORT` (also `[v6]:PORT`); throws a one-line error naming the text on anything else.
func parseHostPort(_ text: String) throws -> (host: String, port: Int) {
    guard let colon = text.lastIndex(of: ":") else { throw DemoError.badRedisAddress(text) }
    var host = String(text[..<colon])
    if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
    guard !host.isEmpty, let port = Int(text[text.index(after: colon)...]), (1...65535).contains(port) else {
        throw DemoError.badRedisAddress(text)
    }
    return (host, port)
}
