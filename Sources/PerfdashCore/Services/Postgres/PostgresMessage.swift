package import NIOCore

/// The backend messages of PostgreSQL's frontend/backend protocol v3 that a read-only simple-query client meets.
package enum PostgresBackendMessage: Sendable, Equatable {
    /// `R`: an authentication request or step (the code and what follows it).
    case authentication(code: Int32, data: [UInt8])
    /// `S`: a run-time parameter (`server_version`, `client_encoding`…).
    case parameterStatus(name: String, value: String)
    /// `T`: the column names of the rows that follow.
    case rowDescription([String])
    /// `D`: one row, each column text or NULL.
    case dataRow([String?])
    /// `C`: a statement finished (`SELECT 3`, `BEGIN`…).
    case commandComplete(String)
    /// `E`: the statement (or the connection) failed.
    case error(PostgresServerError)
    /// `Z`: ready for the next query; `I` idle, `T` in a transaction, `E` in a failed transaction.
    case readyForQuery(UInt8)
    /// Anything else (`K` key data, `N` notices, `I` empty query…), ignored.
    case other(UInt8)
}

/// An ErrorResponse: severity, SQLSTATE code and message.
public struct PostgresServerError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `ERROR`, `FATAL` or `PANIC`.
    public var severity: String
    /// The SQLSTATE, e.g. `42501` (insufficient privilege), `28P01` (bad password).
    public var code: String
    /// The primary message.
    public var message: String

    /// Creates an error.
    public init(severity: String, code: String, message: String) {
        self.severity = severity
        self.code = code
        self.message = message
    }

    public var description: String { message }
}

/// Encodes frontend messages and decodes backend messages (text format only).
package enum PostgresWire {
    /// Longest backend message accepted: a hostile server cannot make the client buffer without end.
    static let maxMessageBytes = 16 * 1024 * 1024

    /// The StartupMessage: protocol 3.0, the user and the database, and a name for pg_stat_activity.
    static func startup(user: String, database: String, into buffer: inout ByteBuffer) {
        var body = ByteBuffer()
        body.writeInteger(Int32(196_608))
        for (key, value) in [("user", user), ("database", database), ("application_name", "perfdash"),
                             ("client_encoding", "UTF8")] {
            body.writeNullTerminated(key)
            body.writeNullTerminated(value)
        }
        body.writeInteger(UInt8(0))
        buffer.writeInteger(Int32(body.readableBytes + 4))
        buffer.writeBuffer(&body)
    }

    /// A message with a type byte: `p` (password / SASL response), `Q` (query), `X` (terminate).
    static func message(_ type: UInt8, _ payload: [UInt8], into buffer: inout ByteBuffer) {
        buffer.writeInteger(type)
        buffer.writeInteger(Int32(payload.count + 4))
        buffer.writeBytes(payload)
    }

    /// A simple Query.
    static func query(_ sql: String, into buffer: inout ByteBuffer) {
        message(UInt8(ascii: "Q"), Array(sql.utf8) + [0], into: &buffer)
    }

    /// Decodes one message from the front of `buffer`; nil (consuming nothing) until a whole one is there.
    package static func decode(_ buffer: inout ByteBuffer) throws(SourceError) -> PostgresBackendMessage? {
        guard let type = buffer.getInteger(at: buffer.readerIndex, as: UInt8.self),
              let length = buffer.getInteger(at: buffer.readerIndex + 1, as: Int32.self) else { return nil }
        guard length >= 4, Int(length) <= maxMessageBytes else {
            throw violation("message length \(length)")
        }
        guard buffer.readableBytes >= Int(length) + 1 else { return nil }
        buffer.moveReaderIndex(forwardBy: 5)
        guard var body = buffer.readSlice(length: Int(length) - 4) else { return nil }
        return try parse(type, &body)
    }

    private static func parse(_ type: UInt8, _ body: inout ByteBuffer) throws(SourceError) -> PostgresBackendMessage {
        switch type {
        case UInt8(ascii: "R"):
            guard let code = body.readInteger(as: Int32.self) else { throw violation("short authentication") }
            return .authentication(code: code, data: body.readBytes(length: body.readableBytes) ?? [])
        case UInt8(ascii: "S"):
            return .parameterStatus(name: try string(&body), value: try string(&body))
        case UInt8(ascii: "T"):
            guard let count = body.readInteger(as: Int16.self), count >= 0 else { throw violation("row description") }
            var names: [String] = []
            for _ in 0..<count {
                names.append(try string(&body))
                // table oid, column number, type oid, type size, type modifier, format code
                guard body.readSlice(length: 18) != nil else { throw violation("short row description") }
            }
            return .rowDescription(names)
        case UInt8(ascii: "D"):
            guard let count = body.readInteger(as: Int16.self), count >= 0 else { throw violation("data row") }
            var values: [String?] = []
            values.reserveCapacity(Int(count))
            for _ in 0..<count {
                guard let length = body.readInteger(as: Int32.self) else { throw violation("short data row") }
                if length == -1 { values.append(nil); continue }
                guard length >= 0, let bytes = body.readBytes(length: Int(length)) else {
                    throw violation("data row field length \(length)")
                }
                values.append(String(decoding: bytes, as: UTF8.self))
            }
            return .dataRow(values)
        case UInt8(ascii: "C"):
            return .commandComplete(try string(&body))
        case UInt8(ascii: "E"):
            var fields: [UInt8: String] = [:]
            while let code = body.readInteger(as: UInt8.self), code != 0 {
                fields[code] = try string(&body)
            }
            return .error(PostgresServerError(severity: fields[UInt8(ascii: "V")] ?? fields[UInt8(ascii: "S")] ?? "ERROR",
                                              code: fields[UInt8(ascii: "C")] ?? "XX000",
                                              message: fields[UInt8(ascii: "M")] ?? "unknown error"))
        case UInt8(ascii: "Z"):
            guard let status = body.readInteger(as: UInt8.self) else { throw violation("short ReadyForQuery") }
            return .readyForQuery(status)
        case UInt8(ascii: "K"), UInt8(ascii: "N"), UInt8(ascii: "I"), UInt8(ascii: "A"), UInt8(ascii: "v"):
            return .other(type)
        default:
            throw violation("unexpected message type \(type < 128 && type >= 32 ? "'\(Character(Unicode.Scalar(type)))'" : "\(type)")")
        }
    }

    private static func string(_ body: inout ByteBuffer) throws(SourceError) -> String {
        guard let end = body.readableBytesView.firstIndex(of: 0) else { throw violation("unterminated string") }
        let bytes = body.readBytes(length: end - body.readerIndex) ?? []
        body.moveReaderIndex(forwardBy: 1)
        return String(decoding: bytes, as: UTF8.self)
    }

    static func violation(_ detail: String) -> SourceError {
        SourceError(.protocolViolation, "not a PostgreSQL server: \(detail)")
    }
}

extension ByteBuffer {
    fileprivate mutating func writeNullTerminated(_ text: String) {
        writeString(text)
        writeInteger(UInt8(0))
    }
}
