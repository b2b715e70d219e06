public import NIOCore

/// One RESP2 reply from Redis.
public enum RESPValue: Sendable, Equatable {
    /// `+OK`
    case simpleString(String)
    /// `-ERR message`: Redis refused the command.
    case error(String)
    /// `:42`
    case integer(Int)
    /// `$n` followed by n bytes; `$-1` is nil.
    case bulkString([UInt8]?)
    /// `*n` followed by n values; `*-1` is nil.
    case array([RESPValue]?)
}

/// Encodes commands and decodes replies in RESP2, the protocol every Redis speaks.
public enum RESP {
    /// Longest line or bulk string accepted from a server, so a hostile peer cannot make us buffer without end.
    public static let maxReplyBytes = 64 * 1024 * 1024

    /// Appends `command` as a RESP array of bulk strings (binary-safe, so Celery's `\x06\x16` keys pass intact).
    public static func encode(_ command: [[UInt8]], into buffer: inout ByteBuffer) {
        buffer.writeString("*\(command.count)\r\n")
        for argument in command {
            buffer.writeString("$\(argument.count)\r\n")
            buffer.writeBytes(argument)
            buffer.writeString("\r\n")
        }
    }

    /// Decodes one complete reply from the front of `buffer`, consuming it; nil (consuming nothing) when the buffer
    /// does not yet hold a whole reply.
    public static func decode(_ buffer: inout ByteBuffer) throws(SourceError) -> RESPValue? {
        var probe = buffer
        guard let value = try decodeValue(&probe, depth: 0) else { return nil }
        buffer = probe
        return value
    }

    private static func decodeValue(_ buffer: inout ByteBuffer, depth: Int) throws(SourceError) -> RESPValue? {
        // perfdash's commands never get nested replies; a deep nest is hostile and must not exhaust the stack.
        guard depth < 16 else { throw violation("arrays nested deeper than 16") }
        guard let type = buffer.getInteger(at: buffer.readerIndex, as: UInt8.self) else { return nil }
        guard let line = try readLine(&buffer) else { return nil }
        let payload = line.dropFirst()
        switch type {
        case UInt8(ascii: "+"): return .simpleString(String(decoding: payload, as: UTF8.self))
        case UInt8(ascii: "-"): return .error(String(decoding: payload, as: UTF8.self))
        case UInt8(ascii: ":"): return .integer(try integer(payload))
        case UInt8(ascii: "$"):
            let length = try integer(payload)
            if length == -1 { return .bulkString(nil) }
            guard (0...maxReplyBytes).contains(length) else { throw violation("bulk length \(length)") }
            guard buffer.readableBytes >= length + 2, let bytes = buffer.readBytes(length: length) else { return nil }
            guard buffer.readInteger(as: UInt8.self) == 13, buffer.readInteger(as: UInt8.self) == 10 else {
                throw violation("bulk string not followed by CRLF")
            }
            return .bulkString(bytes)
        case UInt8(ascii: "*"):
            let count = try integer(payload)
            if count == -1 { return .array(nil) }
            guard (0...1_000_000).contains(count) else { throw violation("array length \(count)") }
            var elements: [RESPValue] = []
            elements.reserveCapacity(count)
            for _ in 0..<count {
                guard let element = try decodeValue(&buffer, depth: depth + 1) else { return nil }
                elements.append(element)
            }
            return .array(elements)
        default:
            throw violation("unexpected byte \(describe(type)) where a reply should start")
        }
    }

    /// Reads up to and including CRLF; returns the line without it.
    private static func readLine(_ buffer: inout ByteBuffer) throws(SourceError) -> [UInt8]? {
        let view = buffer.readableBytesView
        guard let lf = view.firstIndex(of: 10) else {
            if view.count > 64 * 1024 { throw violation("line longer than 64 KiB") }
            return nil
        }
        guard lf > view.startIndex, view[lf - 1] == 13 else { throw violation("line not ended by CRLF") }
        let line = Array(view[view.startIndex..<(lf - 1)])
        buffer.moveReaderIndex(forwardBy: lf + 1 - view.startIndex)
        return line
    }

    private static func integer(_ bytes: ArraySlice<UInt8>) throws(SourceError) -> Int {
        guard let value = Int(String(decoding: bytes, as: UTF8.self)) else {
            throw violation("\"\(String(decoding: bytes.prefix(20), as: UTF8.self))\" is not an integer")
        }
        return value
    }

    private static func describe(_ byte: UInt8) -> String {
        (32..<127).contains(byte) ? "'\(Character(Unicode.Scalar(byte)))'" : "0x\(String(byte, radix: 16))"
    }

    private static func violation(_ detail: String) -> SourceError {
        SourceError(.protocolViolation, "not a Redis reply: \(detail)")
    }
}
