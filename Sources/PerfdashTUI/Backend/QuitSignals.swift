import Dispatch
import Glibc
import Synchronization

/// Turns SIGINT, SIGTERM and SIGHUP into a flag the UI loop checks, so the loop ends normally and the terminal is
/// restored on the way out. SIGWINCH and SIGTSTP are left to ncurses.
public final class QuitSignals {
    private final class Flag: Sendable {
        let value = Mutex<Int32?>(nil)
    }

    private let flag = Flag()
    private var sources: [any DispatchSourceSignal] = []

    /// Starts watching the three signals; each one also signals `wake`.
    public init(wake: WakePipe) {
        for sig in [SIGINT, SIGTERM, SIGHUP] {
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

    /// The first signal received, if any.
    public var received: Int32? { flag.value.withLock { $0 } }

    deinit {
        for source in sources { source.cancel() }
    }
}
