import NIOCore
import NIOPosix

/// What one statement of a simple Query returned: its column names and rows, all as text.
package struct PostgresStatementResult: Sendable, Equatable {
    package var columns: [String] = []
    package var rows: [[String?]] = []

    package init(columns: [String] = [], rows: [[String?]] = []) {
        self.columns = columns
        self.rows = rows
    }
}

/// What one simple Query message returned: a result per statement it held, or the error that stopped it.
package struct PostgresQueryResult: Sendable, Equatable {
    package var statements: [PostgresStatementResult] = []
    package var error: PostgresServerError?

    package init(statements: [PostgresStatementResult] = [], error: PostgresServerError? = nil) {
        self.statements = statements
        self.error = error
    }
}

/// One open PostgreSQL session speaking the simple-query protocol in text, kept across scrapes.
///
/// Only plain TCP (no TLS): perfdash reads statistics views, and a monitoring role's password travels as a SCRAM
/// proof or an md5 hash, never in clear unless the server asks for `password` authentication.
package final class PostgresConnection: Sendable {
    /// The channel; closed by `close()` or by any failure.
    let channel: any Channel
    /// `server_version_num`-style number from the `server_version` parameter: 15.4 → 150004, 9.6.2 → 90602.
    let serverVersion: Int
    /// The `server_version` parameter as the server sent it.
    let serverVersionText: String

    private init(channel: any Channel, versionText: String) {
        self.channel = channel
        serverVersionText = versionText
        serverVersion = Self.versionNumber(versionText)
    }

    /// Connects, authenticates and waits for the first ReadyForQuery, all within `timeout`.
    /// With `unixSocketPath`, over that Unix domain socket instead of TCP to `host:port`.
    static func connect(host: String, port: Int, unixSocketPath: String? = nil, user: String, database: String,
                        password: String?, timeout: Duration,
                        group: any EventLoopGroup) async throws(SourceError) -> PostgresConnection {
        let authentication = PostgresAuthentication(user: user, password: password)
        let (channel, versionText) = try await NIOExchange.run(
            host: host, port: port, unixSocketPath: unixSocketPath, timeout: timeout, group: group,
            closeOnCompletion: false
        ) { channel, promise in
            let handler = PostgresClientHandler(user: user, database: database, authentication: authentication,
                                                ready: promise)
            try channel.pipeline.syncOperations.addHandler(handler)
        }
        return PostgresConnection(channel: channel, versionText: versionText)
    }

    /// Sends every query pipelined (each its own simple Query message, so its own transaction unless it holds
    /// several statements) and returns one result per query. A server error is a result, not a throw; a broken
    /// connection, a protocol violation or the deadline throws and closes the channel.
    func run(_ queries: [String], timeout: Duration) async throws(SourceError) -> [PostgresQueryResult] {
        let promise = channel.eventLoop.makePromise(of: [PostgresQueryResult].self)
        let deadline = channel.eventLoop.scheduleTask(in: TimeAmount(timeout)) {
            promise.fail(SourceError.timeout(after: timeout))
        }
        promise.futureResult.whenComplete { [channel] result in
            deadline.cancel()
            if case .failure = result { channel.close(promise: nil) }
        }
        channel.writeAndFlush(PostgresRequest(queries: queries, promise: promise)).whenFailure { error in
            promise.fail(SourceErrorMapping.map(error, timeout: timeout))
        }
        do {
            return try await withTaskCancellationHandler {
                try await promise.futureResult.get()
            } onCancel: {
                promise.fail(SourceError(.cancelled, "scrape cancelled"))
            }
        } catch {
            throw SourceErrorMapping.map(error, timeout: timeout)
        }
    }

    /// Sends Terminate and closes.
    func close() {
        channel.writeAndFlush(PostgresRequest.terminate).whenComplete { [channel] _ in channel.close(promise: nil) }
    }

    /// `15.4 (Debian …)` → 150004; `9.6.2` → 90602; `16beta1` → 160000.
    package static func versionNumber(_ text: String) -> Int {
        let numbers = text.prefix { $0.isNumber || $0 == "." }.split(separator: ".").compactMap { Int($0) }
        guard let major = numbers.first, major < 1000 else { return 0 }
        let minor = numbers.count > 1 ? min(numbers[1], 99) : 0
        if major >= 10 { return major * 10_000 + minor }
        let patch = numbers.count > 2 ? min(numbers[2], 99) : 0
        return major * 10_000 + minor * 100 + patch
    }
}

/// Queries to send and the promise their results complete; without a promise, the Terminate message.
struct PostgresRequest: Sendable {
    var queries: [String]
    var promise: EventLoopPromise<[PostgresQueryResult]>?

    /// Ends the session politely.
    static let terminate = PostgresRequest(queries: [], promise: nil)
}

/// Runs the startup and authentication exchange, then matches each Query message with its results.
final class PostgresClientHandler: ChannelDuplexHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundIn = PostgresRequest
    typealias OutboundOut = ByteBuffer

    /// Most rows accepted from one statement: perfdash's queries have LIMITs, so more is a hostile server.
    static let maxRows = 10_000

    private let user: String
    private let database: String
    private var authentication: PostgresAuthentication
    private var ready: EventLoopPromise<(any Channel, String)>?
    private var serverVersion = ""
    private var pending = ByteBuffer()
    /// Requests written and not yet answered, oldest first, with the results gathered so far.
    private var inFlight: [(request: PostgresRequest, results: [PostgresQueryResult])] = []
    private var current = PostgresQueryResult()
    private var statement = PostgresStatementResult()

    init(user: String, database: String, authentication: PostgresAuthentication,
         ready: EventLoopPromise<(any Channel, String)>) {
        self.user = user
        self.database = database
        self.authentication = authentication
        self.ready = ready
    }

    func channelActive(context: ChannelHandlerContext) {
        var buffer = context.channel.allocator.buffer(capacity: 128)
        PostgresWire.startup(user: user, database: database, into: &buffer)
        context.writeAndFlush(wrapOutboundOut(buffer), promise: nil)
        context.fireChannelActive()
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let request = unwrapOutboundIn(data)
        var buffer = context.channel.allocator.buffer(capacity: 1024)
        guard let requestPromise = request.promise else {
            PostgresWire.message(UInt8(ascii: "X"), [], into: &buffer)
            return context.writeAndFlush(wrapOutboundOut(buffer), promise: promise)
        }
        guard ready == nil else {
            requestPromise.fail(SourceError(.other, "query before the connection was ready"))
            return
        }
        for query in request.queries { PostgresWire.query(query, into: &buffer) }
        inFlight.append((request, []))
        context.writeAndFlush(wrapOutboundOut(buffer), promise: promise)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var chunk = unwrapInboundIn(data)
        pending.writeBuffer(&chunk)
        do {
            while let message = try PostgresWire.decode(&pending) {
                try handle(message, context: context)
            }
            pending.discardReadBytes()
        } catch {
            fail(context, error)
        }
    }

    private func handle(_ message: PostgresBackendMessage, context: ChannelHandlerContext) throws(SourceError) {
        switch message {
        case .authentication(let code, let data):
            guard ready != nil else { throw PostgresWire.violation("authentication after startup") }
            if let answer = try authentication.respond(code: code, data: data) {
                var buffer = context.channel.allocator.buffer(capacity: answer.payload.count + 5)
                PostgresWire.message(answer.type, answer.payload, into: &buffer)
                context.writeAndFlush(wrapOutboundOut(buffer), promise: nil)
            }
        case .parameterStatus(let name, let value):
            if name == "server_version" { serverVersion = value }
        case .rowDescription(let columns):
            statement = PostgresStatementResult(columns: columns)
        case .dataRow(let row):
            guard statement.rows.count < Self.maxRows else {
                throw SourceError(.protocolViolation, "more than \(Self.maxRows) rows from one statement")
            }
            statement.rows.append(row)
        case .commandComplete:
            current.statements.append(statement)
            statement = PostgresStatementResult()
        case .error(let error):
            if let ready {
                self.ready = nil
                ready.fail(Self.startupError(error))
                context.close(promise: nil)
                return
            }
            current.error = error
        case .readyForQuery:
            if let ready {
                self.ready = nil
                ready.succeed((context.channel, serverVersion))
                return
            }
            guard !inFlight.isEmpty else { throw PostgresWire.violation("ReadyForQuery without a query") }
            inFlight[0].results.append(current)
            current = PostgresQueryResult()
            statement = PostgresStatementResult()
            if inFlight[0].results.count == inFlight[0].request.queries.count {
                let done = inFlight.removeFirst()
                done.request.promise?.succeed(done.results)
            }
        case .other:
            break
        }
    }

    /// The one line a failed login shows: the server's words, classed so `probe` and the panel can tell.
    static func startupError(_ error: PostgresServerError) -> SourceError {
        switch error.code {
        case "28P01", "28000": return SourceError(.authentication, error.message)
        case "3D000": return SourceError(.serverError, error.message)
        case "53300": return SourceError(.serverError, error.message)
        default: return SourceError(.serverError, "\(error.severity) \(error.code): \(error.message)")
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        fail(context, SourceErrorMapping.map(error, timeout: .zero))
    }

    func channelInactive(context: ChannelHandlerContext) {
        fail(context, SourceError(.closed, "the server closed the connection"))
        context.fireChannelInactive()
    }

    private func fail(_ context: ChannelHandlerContext, _ error: any Error) {
        let failure = SourceErrorMapping.map(error, timeout: .zero)
        ready?.fail(failure)
        ready = nil
        let requests = inFlight
        inFlight = []
        for entry in requests { entry.request.promise?.fail(failure) }
        context.close(promise: nil)
    }
}
