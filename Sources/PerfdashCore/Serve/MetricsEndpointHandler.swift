import NIOCore
import NIOHTTP1

/// Answers `GET /metrics` with the store's last rendering in the format the `Accept` header asks for (503 until
/// the first snapshot), `GET /` with a pointer to it, anything else 404 (405 for methods other than GET and HEAD).
final class MetricsEndpointHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let store: ExpositionStore
    private var request: HTTPRequestHead?

    init(store: ExpositionStore) {
        self.store = store
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head): request = head
        case .body: break
        case .end:
            guard let head = request else { return }
            request = nil
            respond(to: head, context: context)
        }
    }

    private func respond(to head: HTTPRequestHead, context: ChannelHandlerContext) {
        let path = head.uri.split(separator: "?", maxSplits: 1).first.map(String.init) ?? head.uri
        let plain = "text/plain; charset=utf-8"
        var status = HTTPResponseStatus.ok
        var contentType = plain
        var body: [UInt8]
        switch (head.method, path) {
        case (.GET, "/metrics"), (.HEAD, "/metrics"):
            let format = ServeFormat.negotiate(accept: head.headers["Accept"].first)
            if let rendered = store.current {
                contentType = format.contentType
                body = rendered.bytes(format)
            } else {
                status = .serviceUnavailable
                body = Array("no snapshot yet: the first comes one interval after the start\n".utf8)
            }
        case (.GET, "/"), (.HEAD, "/"):
            body = Array("perfdash serve: metrics at /metrics\n".utf8)
        case (.GET, _), (.HEAD, _):
            status = .notFound
            body = Array("not found: try /metrics\n".utf8)
        default:
            status = .methodNotAllowed
            body = Array("method not allowed\n".utf8)
        }
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: contentType)
        headers.add(name: "Content-Length", value: String(body.count))
        if status == .methodNotAllowed { headers.add(name: "Allow", value: "GET, HEAD") }
        let keepAlive = head.isKeepAlive
        headers.add(name: "Connection", value: keepAlive ? "keep-alive" : "close")
        if head.method == .HEAD { body = [] }
        context.write(wrapOutboundOut(.head(HTTPResponseHead(version: head.version, status: status, headers: headers))),
                      promise: nil)
        if !body.isEmpty {
            context.write(wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(bytes: body)))),
                          promise: nil)
        }
        let done = context.writeAndFlush(wrapOutboundOut(.end(nil)))
        if !keepAlive {
            let channel = context.channel
            done.whenComplete { _ in channel.close(promise: nil) }
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }
}
