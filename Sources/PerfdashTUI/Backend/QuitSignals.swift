import Dispatch
import Glibc
import Synchronization

/// Turns SIGINT, SIGTERM, SIGHUP and SIGQUIT into a flag the UI loop checks, so the loop ends normally and the
/// terminal is restored on the way out. SIGWINCH and SIGTSTP are left to ncurses.
///
/// SIGQUIT (Ctrl-\) matters most: Swift's runtime hands it to its crash backtracer, which would print over the
/// dashboard and wait 30 s for a key before the process went on with a garbled screen.
public final class QuitSignals {
    private final class Flag: Sendable {
        let value = Mutex<Int32?>(nil)
    }

    private let flag = Flag()
    private var sources: [any DispatchSourceSignal] = []

    /// Starts watching the three signals; each one also signals `wake`.
    public init(wake: WakePipe) {
        for sig in Self.signals {
            // The default action would kill the process before the loop could restore the terminal.
            Glibc.signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler { [flag] in
                flag.value.withLock { $0 = $0 ?? sig }
                wake.signal()
            }
            source.resume()
            sources.append(source)
        }
    }

    /// The signals that end the dashboard.
    public static let signals = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]

    /// The first signal received, if any.
    public var received: Int32? { flag.value.withLock { $0 } }

    deinit {
        for source in sources { source.cancel() }
    }
}
