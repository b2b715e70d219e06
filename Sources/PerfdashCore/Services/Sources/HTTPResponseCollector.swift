import NIOCore
import NIOHTTP1

/// The raw parts of a response, as the collector hands them over.
struct HTTPRawResponse: Sendable {
    var status: Int
    var contentType: String?
    var body: [UInt8]
}

/// Sends the request when the connection is up and gathers the response, enforcing the body limit as bytes arrive.
final class HTTPResponseCollector: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPClientResponsePart
    typealias OutboundOut = HTTPClientRequestPart

    private let request: HTTPRequestHead
    private let bodyLimit: Int
    private let promise: EventLoopPromise<HTTPRawResponse>
    private var status = 0
    private var contentType: String?
    private var body: ByteBuffer?

    init(request: HTTPRequestHead, bodyLimit: Int, promise: EventLoopPromise<HTTPRawResponse>) {
        self.request = request
        self.bodyLimit = bodyLimit
        self.promise = promise
    }

    func channelActive(context: ChannelHandlerContext) {
        context.write(wrapOutboundOut(.head(request)), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            status = Int(head.status.code)
            guard (200..<300).contains(status) else {
                let reason = head.status.reasonPhrase
                return finish(context, .failure(SourceError(.httpStatus, "HTTP \(status)\(reason.isEmpty ? "" : " \(reason)")")))
            }
            contentType = head.headers.first(name: "Content-Type")
            // A declared length over the limit fails before a single body byte is read.
            if let length = head.headers.first(name: "Content-Length").flatMap(Int.init), length > bodyLimit {
                return finish(context, .failure(overLimit()))
            }
            body = context.channel.allocator.buffer(capacity: 0)
        case .body(var chunk):
            guard body != nil else { return }
            if (body?.readableBytes ?? 0) + chunk.readableBytes > bodyLimit {
                return finish(context, .failure(overLimit()))
            }
            body?.writeBuffer(&chunk)
        case .end:
            guard var body else { return }
            let bytes = body.readBytes(length: body.readableBytes) ?? []
            finish(context, .success(HTTPRawResponse(status: status, contentType: contentType, body: bytes)))
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        if let error = error as? HTTPParserError, error == .invalidEOFState {
            finish(context, .failure(SourceError(.closed, "connection closed before the response was complete")))
        } else if error is HTTPParserError {
            finish(context, .failure(SourceError(.protocolViolation, "not an HTTP response (\(error))")))
        } else {
            finish(context, .failure(SourceErrorMapping.map(error, timeout: .zero)))
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        finish(context, .failure(SourceError(.closed, "connection closed before the response was complete")))
        context.fireChannelInactive()
    }

    private func overLimit() -> SourceError {
        SourceError(.bodyLimit, "body over \(ByteSizeText.format(bodyLimit)) limit")
    }

    private func finish(_ context: ChannelHandlerContext, _ result: Result<HTTPRawResponse, SourceError>) {
        // Later completions are ignored by the promise; closing stops the transfer at once.
        switch result {
        case .success(let response): promise.succeed(response)
        case .failure(let error): promise.fail(error)
        }
        body = nil
        context.close(promise: nil)
    }
}
