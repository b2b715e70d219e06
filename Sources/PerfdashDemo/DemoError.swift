/// Errors the demo reports, each a single line fit for the terminal.
public enum DemoError: Error, Equatable, CustomStringConvertible {
    /// The listening socket reported no port.
    case noPort
    /// `--redis` was not `HOST:PORT`.
    case badRedisAddress(String)
    /// Redis could not be reached or answered with an error.
    case redis(String)
    /// A duration argument could not be read.
    case badDuration(String)
    /// The metrics server could not bind its address.
    case cannotListen(address: String, reason: String)

    public var description: String {
        switch self {
        case .noPort: "the metrics server did not report a bound port"
        case .badRedisAddress(let text): "--redis expects HOST:PORT, got '\(text)'"
        case .redis(let message): "redis: \(message)"
        case .badDuration(let text): "expected a duration like 10s, 2m, 500ms or 1h, got '\(text)'"
        case .cannotListen(let address, let reason): "cannot listen on \(address): \(reason) (choose another --port)"
        }
    }
}
