import NIOCore
import Testing
@testable import PerfdashCore

@Suite struct RESPTests {
    private func decodeAll(_ text: String) throws -> [RESPValue] {
        var buffer = ByteBuffer(string: text)
        var values: [RESPValue] = []
        while let value = try RESP.decode(&buffer) { values.append(value) }
        return values
    }

    @Test func decodesEveryReplyType() throws {
        let values = try decodeAll("+OK\r\n-ERR unknown command\r\n:42\r\n$5\r\nhello\r\n$-1\r\n*2\r\n:1\r\n*1\r\n$0\r\n\r\n*-1\r\n")
        #expect(values == [
            .simpleString("OK"), .error("ERR unknown command"), .integer(42), .bulkString(Array("hello".utf8)),
            .bulkString(nil), .array([.integer(1), .array([.bulkString([])])]), .array(nil),
        ])
    }

    @Test func incompleteReplyConsumesNothing() throws {
        var buffer = ByteBuffer(string: "*2\r\n$5\r\nhel")
        #expect(try RESP.decode(&buffer) == nil)
        #expect(buffer.readableBytes == 11) // "*2\r\n" + "$5\r\n" + "hel"
        buffer.writeString("lo\r\n:7\r\n")
        #expect(try RESP.decode(&buffer) == .array([.bulkString(Array("hello".utf8)), .integer(7)]))
        #expect(buffer.readableBytes == 0)
    }

    @Test(arguments: [
        ("HTTP/1.1 200 OK\r\n", "not a Redis reply: unexpected byte 'H' where a reply should start"),
        (":12x\r\n", "not a Redis reply: \"12x\" is not an integer"),
        ("+OK\n", "not a Redis reply: line not ended by CRLF"),
        ("$3\r\nabcde\r\n", "not a Redis reply: bulk string not followed by CRLF"),
        (String(repeating: "*1\r\n", count: 20) + ":1\r\n", "not a Redis reply: arrays nested deeper than 16"),
    ])
    func garbageIsAProtocolViolation(input: String, message: String) {
        var buffer = ByteBuffer(string: input)
        #expect(throws: SourceError(.protocolViolation, message)) { try RESP.decode(&buffer) }
    }

    @Test func encodesBinarySafeCommands() {
        var buffer = ByteBuffer()
        RESP.encode([Array("LLEN".utf8), Array("q\u{06}\u{16}3".utf8)], into: &buffer)
        #expect(buffer.readString(length: buffer.readableBytes) == "*2\r\n$4\r\nLLEN\r\n$4\r\nq\u{06}\u{16}3\r\n")
    }

    @Test func presetsNameTheLibrariesKeys() {
        #expect(RedisQueuePreset.celery.keys(for: "tasks")
                == ["tasks", "tasks\u{06}\u{16}3", "tasks\u{06}\u{16}6", "tasks\u{06}\u{16}9"])
        // RQ: the waiting list first, then the started, scheduled, deferred and failed registries.
        #expect(RedisQueuePreset.rq.keys(for: "default") == ["rq:queue:default", "rq:wip:default",
                                                              "rq:scheduled:default", "rq:deferred:default",
                                                              "rq:failed:default"])
        #expect(RedisQueuePreset.sidekiq.keys(for: "mail") == ["queue:mail"])
        #expect(RedisQueuePreset.bullmq.keys(for: "jobs").first == "bull:jobs:wait")
        #expect(RedisQueuePreset.raw.keys(for: "my:list") == ["my:list"])
    }
}
