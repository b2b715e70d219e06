import CNcursesw
import Glibc

/// Puts the terminal back before a crash (a Swift trap is SIGILL or SIGTRAP) kills the process, so a failure
/// never leaves the user's shell without echo on the alternate screen.
enum CrashGuard {
    /// Installs one-shot handlers for the fatal signals (replacing the Swift runtime's backtracer, which would draw on
    /// the dashboard's screen); SIGINT/SIGTERM/SIGHUP/SIGQUIT are handled by `QuitSignals`.
    static func install() {
        for sig in [SIGILL, SIGTRAP, SIGABRT, SIGSEGV, SIGBUS, SIGFPE] {
            signal(sig) { sig in
                endwin()
                signal(sig, SIG_DFL)
                raise(sig)
            }
        }
    }
}
