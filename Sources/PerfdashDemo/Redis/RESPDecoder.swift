import NIOCore

/// Cuts complete RESP values out of the byte stream; a partial value waits for more bytes.
struct RESPDecoder: ByteToMessageDecoder {
    typealias InboundOut = RESPValue

    /// Largest bulk string or array accepted; the demo's values are tiny, anything huge is a broken stream.
    static let maximumLength = 16 << 20

    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        var cursor = buffer
        guard let value = try Self.parse(&cursor) else { return .needMoreData }
        buffer = cursor
        context.fireChannelRead(wrapInboundOut(value))
        return .continue
    }

    /// Parses one value from `buffer`, consuming it; nil (and `buffer` in an unspecified state) when incomplete.
    static func parse(_ buffer: inout ByteBuffer) throws -> RESPValue? {
        guard let marker = buffer.readInteger(as: UInt8.self), let line = readLine(&buffer) else { return nil }
        switch marker {
        case UInt8(ascii: "+"):
            return .simpleString(line)
        case UInt8(ascii: "-"):
            return .error(line)
        case UInt8(ascii: ":"):
            return .integer(try integer(line))
        case UInt8(ascii: "$"):
            let length = try integer(line)
            if length < 0 { return .bulkString(nil) }
            guard length <= maximumLength else { throw DemoError.redis("bulk string of \(length) bytes refused") }
            guard buffer.readableBytes >= length + 2, let bytes = buffer.readBytes(length: length) else { return nil }
            buffer.moveReaderIndex(forwardBy: 2)
            return .bulkString(bytes)
        case UInt8(ascii: "*"):
            let count = try integer(line)
            if count < 0 { return .array(nil) }
            guard count <= maximumLength else { throw DemoError.redis("array of \(count) items refused") }
            var items: [RESPValue] = []
            for _ in 0..<count {
                guard let item = try parse(&buffer) else { return nil }
                items.append(item)
            }
            return .array(items)
        default:
            throw DemoError.redis("unexpected byte \(marker) at the start of a reply")
        }
    }

    private static func readLine(_ buffer: inout ByteBuffer) -> String? {
        guard let end = buffer.readableBytesView.firstIndex(of: UInt8(ascii: "\r")),
              end + 1 < buffer.writerIndex else { return nil }
        let line = buffer.readString(length: end - buffer.readerIndex) ?? ""
        buffer.moveReaderIndex(forwardBy: 2)
        return line
    }

    private static func integer(_ text: String) throws -> Int {
        guard let value = Int(text) else { throw DemoError.redis("bad integer '\(text)' in a reply") }
        return value
    }
}
