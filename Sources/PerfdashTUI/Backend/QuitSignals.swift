import CSignals
import Glibc

/// Turns SIGINT, SIGTERM, SIGHUP and SIGQUIT into a value the UI loop checks, so the loop ends normally and the
/// terminal is restored on the way out. SIGWINCH and SIGTSTP are left to ncurses.
///
/// A `sigaction` handler records the signal and writes a byte to the loop's wake pipe (async-signal-safe), so the
/// loop's poll returns at once whichever thread the signal lands on; the signals are unblocked on the UI thread,
/// so there is always one that accepts them. SIGQUIT (Ctrl-\) matters most: Swift's runtime hands it to its crash
/// backtracer, which would print over the dashboard and wait 30 s for a key before the process went on with a
/// garbled screen. The previous actions (the backtracer's) come back when the loop is done.
public final class QuitSignals {
    /// Kept alive as long as the handler may write to it.
    private let wake: WakePipe
    private let catching: Bool

    /// Starts catching the four signals on the calling thread, the one that waits on `wake`.
    public init(wake: WakePipe) {
        self.wake = wake
        catching = Self.signals.withUnsafeBufferPointer { signals in
            pd_signals_catch(signals.baseAddress, Int32(signals.count), wake.writeDescriptorForSignals)
        } == 0
    }

    /// The signals that end the dashboard.
    public static let signals = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]

    /// The first signal received, if any.
    public var received: Int32? {
        guard catching else { return nil }
        let first = pd_signals_first()
        return first == 0 ? nil : first
    }

    deinit {
        if catching { pd_signals_release() }
    }
}
