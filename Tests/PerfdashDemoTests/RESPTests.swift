import NIOCore
@testable import PerfdashDemo
import Testing

/// The demo's RESP2 codec against the examples of the Redis protocol specification.
@Suite struct RESPTests {
    static func parse(_ text: String) throws -> RESPValue? {
        var buffer = ByteBuffer(string: text)
        return try RESPDecoder.parse(&buffer)
    }

    @Test func decodesEachReplyType() throws {
        #expect(try Self.parse("+OK\r\n") == .simpleString("OK"))
        #expect(try Self.parse("-ERR unknown command 'foo'\r\n") == .error("ERR unknown command 'foo'"))
        #expect(try Self.parse(":1000\r\n") == .integer(1000))
        #expect(try Self.parse("$5\r\nhello\r\n") == .bulkString(Array("hello".utf8)))
        #expect(try Self.parse("$0\r\n\r\n") == .bulkString([]))
        #expect(try Self.parse("$-1\r\n") == .bulkString(nil))
        #expect(try Self.parse("*-1\r\n") == .array(nil))
        #expect(try Self.parse("*2\r\n$5\r\nhello\r\n$5\r\nworld\r\n")
                == .array([.bulkString(Array("hello".utf8)), .bulkString(Array("world".utf8))]))
        #expect(try Self.parse("*3\r\n:1\r\n:2\r\n:3\r\n") == .array([.integer(1), .integer(2), .integer(3)]))
    }

    /// A bulk string may contain CR LF; its length, not a line end, says where it stops.
    @Test func bulkStringsAreBinarySafe() throws {
        #expect(try Self.parse("$4\r\na\r\nb\r\n") == .bulkString(Array("a\r\nb".utf8)))
    }

    @Test(arguments: ["+OK", "+OK\r", "$5\r\nhel", "$5\r\nhello", "*2\r\n:1\r\n", "*2\r\n:1\r\n$3\r\nab", ""])
    func incompleteInputWaitsForMore(text: String) throws {
        #expect(try Self.parse(text) == nil)
    }

    @Test func twoRepliesInOneReadComeOutOneByOne() throws {
        var buffer = ByteBuffer(string: "+PONG\r\n$-1\r\n")
        #expect(try RESPDecoder.parse(&buffer) == .simpleString("PONG"))
        #expect(try RESPDecoder.parse(&buffer) == .bulkString(nil))
        #expect(buffer.readableBytes == 0)
    }

    @Test(arguments: ["?what\r\n", ":12x\r\n", "$abc\r\n"])
    func garbageIsAnError(text: String) {
        #expect(throws: DemoError.self) { try Self.parse(text) }
    }

    @Test func commandsAreArraysOfBulkStrings() {
        var buffer = ByteBuffer()
        RESPValue.command("SETEX", "perfdash:demo:7", "120", "row-7").encode(into: &buffer)
        #expect(buffer.readString(length: buffer.readableBytes)
                == "*4\r\n$5\r\nSETEX\r\n$15\r\nperfdash:demo:7\r\n$3\r\n120\r\n$5\r\nrow-7\r\n")
    }
}
