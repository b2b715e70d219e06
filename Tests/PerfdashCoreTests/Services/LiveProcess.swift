import Foundation
import Glibc

/// A helper process started by a test on 127.0.0.1 and always stopped (`stop()` in a `defer`).
final class LiveProcess {
    let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private var buffered = Data()

    init(_ executable: String, _ arguments: [String]) throws {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [executable] + arguments
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
    }

    /// The next line the process prints (blocking until it does; nil at end of output).
    func readLine() -> String? {
        while true {
            if let newline = buffered.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: buffered[buffered.startIndex..<newline], as: UTF8.self)
                buffered.removeSubrange(buffered.startIndex...newline)
                return line
            }
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { return nil }
            buffered.append(chunk)
        }
    }

    /// Sends one line to the process's standard input.
    func send(_ line: String) {
        input.fileHandleForWriting.write(Data((line + "\n").utf8))
    }

    /// Kills the process and reaps it. SIGKILL, because children inherit the test runner's signal mask, in which
    /// SIGTERM is blocked: `Process.terminate()` would leave them running.
    func stop() {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
        }
        process.waitUntilExit()
    }

    /// A TCP port on 127.0.0.1 that was free a moment ago (the kernel's pick for port 0).
    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(fd, pointer, length) == 0 && getsockname(fd, pointer, &length) == 0
            }
        }
        guard bound else { throw LiveProcessError.noFreePort }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Whether something accepts TCP connections on 127.0.0.1:`port`.
    static func accepts(port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
    }

    /// Waits until the process listens on `port` (readiness of a real server, bounded to ~5 s), or throws.
    func waitUntilListening(port: Int) throws {
        for _ in 0..<500 {
            if Self.accepts(port: port) { return }
            guard process.isRunning else { break }
            usleep(10_000)
        }
        throw LiveProcessError.notListening(port)
    }

    /// GETs `url` with curl; returns the body and the response's Content-Type.
    static func fetch(_ url: String, accept: String? = nil) throws -> (body: [UInt8], contentType: String) {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("perfdash-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: file) }
        let acceptHeader = accept.map { ["-H", "Accept: \($0)"] } ?? []
        let contentType = try ExpositionTestSupport.output(
            of: "curl", ["-sS", "--max-time", "5", "-o", file.path, "-w", "%{content_type}"] + acceptHeader + [url])
        return (Array(try Data(contentsOf: file)), String(decoding: contentType, as: UTF8.self))
    }
}

enum LiveProcessError: Error {
    case noFreePort
    case notListening(Int)
}
