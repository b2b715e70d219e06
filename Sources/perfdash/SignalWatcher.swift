import CSignals
import Dispatch
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Turns signals (SIGINT, SIGTERM…) into calls on a thread of its own, instead of the default of dying mid-write.
///
/// A `sigaction` handler writes the signal's number to a pipe (async-signal-safe) and a dedicated thread, which
/// keeps the signals unblocked so the kernel always has a thread to deliver them to, reads it and calls `onSignal`.
/// No signal is lost whenever it comes: libdispatch's signal sources, used before, could leave one pending on a
/// thread that blocked it (docs/robustness.md).
final class SignalWatcher: Sendable {
    /// The signals received, in order; finishes when the watcher stops.
    let received: AsyncStream<Int32>
    private let continuation: AsyncStream<Int32>.Continuation
    private let pipe: (read: Int32, write: Int32)
    private let signals: [Int32]
    /// False when the handler could not be installed (then `stop` leaves the actions alone).
    private let catching: Bool
    private let stopped: Flag
    private let finished: DispatchSemaphore

    /// Starts watching `signals`; `onSignal` runs on the watcher's thread for each one, in order.
    init(_ signals: Int32..., onSignal: @escaping @Sendable (Int32) -> Void = { _ in }) {
        self.signals = signals
        let (received, continuation) = AsyncStream.makeStream(of: Int32.self)
        let (stopped, finished) = (Flag(), DispatchSemaphore(value: 0))
        (self.received, self.continuation, self.stopped, self.finished) = (received, continuation, stopped, finished)
        var fds: [Int32] = [-1, -1]
        if Glibc.pipe(&fds) == 0 {
            for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
            // The handler's end never blocks (a full pipe already wakes the reader); the thread's end blocks.
            _ = fcntl(fds[1], F_SETFL, fcntl(fds[1], F_GETFL) | O_NONBLOCK)
        }
        let pipe = (read: fds[0], write: fds[1])
        self.pipe = pipe
        guard pipe.read >= 0 else {
            // No pipe (out of descriptors): the signals keep their default action, which at least ends the run.
            catching = false
            finished.signal()
            return
        }
        let thread = Thread {
            defer { finished.signal() }
            _ = signals.withUnsafeBufferPointer { pd_signals_unblock($0.baseAddress, Int32($0.count)) }
            var bytes = [UInt8](repeating: 0, count: 64)
            while true {
                let count = read(pipe.read, &bytes, bytes.count)
                if count < 0, errno == EINTR { continue }
                if count <= 0 || stopped.value.withLock({ $0 }) { return }
                for byte in bytes[..<count] where byte != 0 {
                    continuation.yield(Int32(byte))
                    onSignal(Int32(byte))
                }
            }
        }
        thread.name = "perfdash signals"
        thread.start()
        catching = signals.withUnsafeBufferPointer { pd_signals_catch($0.baseAddress, Int32($0.count), pipe.write) } == 0
        if !catching { ErrorVoice.report("signals: cannot catch them: \(String(cString: strerror(errno)))") }
    }

    deinit { stop() }

    /// Stops watching and puts back the signals' previous actions; no `onSignal` call runs after it returns (so
    /// `onSignal` itself must not call it).
    func stop() {
        guard !stopped.value.withLock({ stopped in defer { stopped = true }; return stopped }) else { return }
        continuation.finish()
        guard pipe.read >= 0 else { return }
        if catching { pd_signals_release() }
        // A zero byte wakes the thread (a full pipe wakes it too; it then sees `stopped`).
        var zero: UInt8 = 0
        _ = write(pipe.write, &zero, 1)
        finished.wait()
        close(pipe.read)
        close(pipe.write)
    }

    /// Set once by `stop`, read by the thread (a class, so the thread can hold it without holding the watcher).
    private final class Flag: Sendable {
        let value = Mutex(false)
    }
}

/// A stop asked for by a signal, possibly before there is anything to stop: the action runs at once if the request
/// came first.
final class StopRequest: Sendable {
    private let state = Mutex<(requested: Bool, action: (@Sendable () -> Void)?)>((false, nil))

    func request() {
        let action = state.withLock { state in
            state.requested = true
            return state.action
        }
        action?()
    }

    func onRequest(_ action: @escaping @Sendable () -> Void) {
        let requested = state.withLock { state in
            state.action = action
            return state.requested
        }
        if requested { action() }
    }
}
