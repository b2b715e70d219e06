import Glibc

/// A pipe the UI loop sleeps on: the sampler thread and the quit signals write a byte to wake it at once, so the
/// loop needs no periodic polling to notice new data.
public final class WakePipe: Sendable {
    /// The end the UI loop polls.
    public let readDescriptor: Int32
    private let writeDescriptor: Int32

    /// The write end, for a C signal handler (writing one byte is async-signal-safe).
    var writeDescriptorForSignals: Int32 { writeDescriptor }

    /// Opens the pipe, both ends non-blocking and closed on exec.
    public init() {
        var fds: [Int32] = [-1, -1]
        if pipe(&fds) == 0 {
            for fd in fds {
                _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
                _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
            }
        } else {
            fds = [-1, -1]
        }
        readDescriptor = fds[0]
        writeDescriptor = fds[1]
    }

    deinit {
        close(readDescriptor)
        close(writeDescriptor)
    }

    /// Wakes the reader; a full pipe already means "wake up", so a failed write is fine.
    public func signal() {
        var byte: UInt8 = 1
        _ = write(writeDescriptor, &byte, 1)
    }

    /// Empties the pipe after a wake-up.
    public func drain() {
        var buffer = [UInt8](repeating: 0, count: 64)
        while read(readDescriptor, &buffer, buffer.count) > 0 {}
    }
}
