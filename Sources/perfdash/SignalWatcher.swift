import Dispatch
import Foundation

/// Turns SIGINT/SIGTERM into values a task can await, instead of the default of dying mid-write.
///
/// The default actions are ignored while it watches; DispatchSource still sees the signals.
final class SignalWatcher {
    /// The signals received, in order; finishes when the watcher stops.
    let received: AsyncStream<Int32>
    private let continuation: AsyncStream<Int32>.Continuation
    private let sources: [any DispatchSourceSignal]

    init(_ signals: Int32...) {
        (received, continuation) = AsyncStream.makeStream(of: Int32.self)
        let continuation = continuation
        sources = signals.map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { continuation.yield(number) }
            source.resume()
            return source
        }
    }

    /// Stops watching and restores the default actions.
    func stop() {
        continuation.finish()
        for source in sources { source.cancel() }
        for number in [SIGINT, SIGTERM] { signal(number, SIG_DFL) }
    }
}
