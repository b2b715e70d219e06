import NIOCore

/// A RESP2 value: the subset of Redis' protocol the demo's L2 needs (GET, SETEX, PING).
enum RESPValue: Sendable, Equatable {
    case simpleString(String)
    case error(String)
    case integer(Int)
    /// A bulk string; nil is RESP's null bulk string (`$-1`), GET's "no such key".
    case bulkString([UInt8]?)
    /// An array; nil is the null array (`*-1`).
    case array([RESPValue]?)

    /// A command as Redis expects it from a client: an array of bulk strings.
    static func command(_ parts: String...) -> RESPValue {
        .array(parts.map { .bulkString(Array($0.utf8)) })
    }

    /// Appends the wire encoding.
    func encode(into buffer: inout ByteBuffer) {
        switch self {
        case .simpleString(let text):
            buffer.writeString("+\(text)\r\n")
        case .error(let text):
            buffer.writeString("-\(text)\r\n")
        case .integer(let value):
            buffer.writeString(":\(value)\r\n")
        case .bulkString(nil), .array(nil):
            buffer.writeString(self == .bulkString(nil) ? "$-1\r\n" : "*-1\r\n")
        case .bulkString(let bytes?):
            buffer.writeString("$\(bytes.count)\r\n")
            buffer.writeBytes(bytes)
            buffer.writeString("\r\n")
        case .array(let items?):
            buffer.writeString("*\(items.count)\r\n")
            for item in items { item.encode(into: &buffer) }
        }
    }
}
