import Dispatch
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Synchronization

/// One GET through URLSession (TLS by libcurl on Linux), with the same limits and wording as the NIO client.
///
/// Used for `https://` endpoints. Linux ignores `URLRequest.timeoutInterval`, so the deadline is set on the session
/// configuration and also enforced here by cancelling the task; the body limit is checked on every chunk the data
/// delegate receives, and the task is cancelled as soon as it is exceeded.
enum URLSessionFetch {
    static func run(url: URL, timeout: Duration, bodyLimit: Int, accept: String = HTTPFetcher.acceptHeader,
                    authorization: String? = nil) async throws(SourceError) -> HTTPScrapeResult {
        let clock = ContinuousClock()
        let start = clock.now
        var request = URLRequest(url: url)
        request.setValue(accept, forHTTPHeaderField: "Accept")
        if let authorization { request.setValue(authorization, forHTTPHeaderField: "Authorization") }
        request.setValue("perfdash/\(PerfdashCore.version)", forHTTPHeaderField: "User-Agent")
        let seconds = Double(timeout.components.seconds) + Double(timeout.components.attoseconds) * 1e-18
        let configuration = URLSessionConfiguration.ephemeral
        // Linux URLSession truncates these to whole seconds (0.3 would time out at once), so they are rounded up
        // and the exact deadline is the timer below.
        configuration.timeoutIntervalForRequest = seconds.rounded(.up)
        configuration.timeoutIntervalForResource = seconds.rounded(.up)
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.urlCache = nil
        let collector = URLSessionBodyCollector(bodyLimit: bodyLimit, timeout: timeout)
        let session = URLSession(configuration: configuration, delegate: collector, delegateQueue: nil)
        // Invalidated off this task for the same reason `finish` cancels off the delegate's thread.
        defer { DispatchQueue.global().async { session.invalidateAndCancel() } }
        let task = session.dataTask(with: request)
        let outcome = await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                collector.start(task, continuation: continuation)
                DispatchQueue.global().asyncAfter(deadline: .now() + seconds) {
                    collector.fail(.timeout(after: timeout))
                }
            }
        } onCancel: {
            collector.fail(SourceError(.cancelled, "scrape cancelled"))
        }
        let response = try outcome.get()
        return HTTPScrapeResult(body: response.body, contentType: response.contentType, status: response.status,
                                duration: clock.now - start)
    }
}

/// The data delegate of one fetch: collects the body under the limit and resumes the waiter exactly once.
final class URLSessionBodyCollector: NSObject, URLSessionDataDelegate, Sendable {
    struct Response: Sendable {
        var body: [UInt8] = []
        var contentType: String?
        var status = 0
    }

    private struct State {
        var response = Response()
        var task: URLSessionDataTask?
        var continuation: CheckedContinuation<Result<Response, SourceError>, Never>?
        /// A failure that arrived before `start` (e.g. cancellation), or the first one reported.
        var outcome: Result<Response, SourceError>?
    }

    private let bodyLimit: Int
    private let timeout: Duration
    private let state = Mutex(State())

    init(bodyLimit: Int, timeout: Duration) {
        self.bodyLimit = bodyLimit
        self.timeout = timeout
    }

    /// Resumes the task, or finishes at once if the fetch already failed (cancelled before it started).
    func start(_ task: URLSessionDataTask,
               continuation: CheckedContinuation<Result<Response, SourceError>, Never>) {
        let early: Result<Response, SourceError>? = state.withLock { state in
            if let outcome = state.outcome { return outcome }
            state.task = task
            state.continuation = continuation
            return nil
        }
        if let early { continuation.resume(returning: early) } else { task.resume() }
    }

    /// Ends the fetch with `error` unless it has already ended, and cancels the transfer.
    func fail(_ error: SourceError) {
        finish(.failure(error))
    }

    private func finish(_ outcome: Result<Response, SourceError>) {
        let (continuation, task) = state.withLock { state -> (CheckedContinuation<Result<Response, SourceError>, Never>?, URLSessionDataTask?) in
            guard state.outcome == nil else { return (nil, nil) }
            state.outcome = outcome
            defer { state.continuation = nil }
            return (state.continuation, state.task)
        }
        // The waiter first, then the cancel, off this thread: called from a delegate callback, `cancel()` can
        // block until libcurl's side of the session lets go (CI saw a body-limit failure come back after 90 s).
        continuation?.resume(returning: outcome)
        if case .failure = outcome, let task { DispatchQueue.global().async { task.cancel() } }
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                    completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void) {
        guard let http = response as? HTTPURLResponse else {
            completionHandler(.cancel)
            return fail(SourceError(.protocolViolation, "not an HTTP response"))
        }
        guard (200..<300).contains(http.statusCode) else {
            completionHandler(.cancel)
            let reason = HTTPURLResponse.localizedString(forStatusCode: http.statusCode)
            let known = !reason.isEmpty && reason.lowercased() != "server error"
            return fail(SourceError(.httpStatus, "HTTP \(http.statusCode)\(known ? " \(reason.capitalized)" : "")"))
        }
        guard http.expectedContentLength <= Int64(bodyLimit) else {
            completionHandler(.cancel)
            return fail(overLimit)
        }
        state.withLock {
            $0.response.status = http.statusCode
            $0.response.contentType = http.value(forHTTPHeaderField: "Content-Type")
        }
        completionHandler(.allow)
    }

    /// Redirects are not followed (as on the NIO path): the 3xx itself is reported as a non-2xx status.
    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest,
                    completionHandler: @escaping @Sendable (URLRequest?) -> Void) {
        completionHandler(nil)
    }

    private var overLimit: SourceError {
        SourceError(.bodyLimit, "body over \(ByteSizeText.format(bodyLimit)) limit")
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let over = state.withLock { state -> Bool in
            guard state.outcome == nil else { return false }
            guard state.response.body.count + data.count <= bodyLimit else { return true }
            state.response.body.append(contentsOf: data)
            return false
        }
        if over { fail(overLimit) }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        guard let error else {
            return finish(.success(state.withLock { $0.response }))
        }
        fail(Self.map(error, timeout: timeout))
    }

    /// URLError's codes in perfdash's words; TLS failures all start with "TLS:".
    static func map(_ error: any Error, timeout: Duration) -> SourceError {
        guard let error = error as? URLError else { return SourceError(.other, String(describing: error)) }
        switch error.code {
        case .timedOut: return .timeout(after: timeout)
        case .cannotConnectToHost: return SourceError(.refused, "connection refused")
        case .cannotFindHost, .dnsLookupFailed: return SourceError(.other, "cannot resolve host")
        case .networkConnectionLost: return SourceError(.closed, "connection closed before the response was complete")
        case .cancelled: return SourceError(.cancelled, "scrape cancelled")
        case .serverCertificateUntrusted, .serverCertificateHasUnknownRoot:
            return SourceError(.tls, "TLS: certificate not trusted")
        case .serverCertificateHasBadDate, .serverCertificateNotYetValid:
            return SourceError(.tls, "TLS: certificate expired or not yet valid")
        case .secureConnectionFailed, .clientCertificateRejected, .clientCertificateRequired:
            return SourceError(.tls, "TLS: handshake failed")
        default:
            let text = error.localizedDescription.split(whereSeparator: \.isNewline).first.map(String.init)
                ?? "URL error \(error.code.rawValue)"
            return tls(curlMessage: text) ?? SourceError(.other, text)
        }
    }

    /// Linux URLSession reports libcurl's TLS failures as `.unknown` with curl's message, e.g.
    /// "SSL certificate problem: self-signed certificate"; those are recognised by their wording.
    static func tls(curlMessage text: String) -> SourceError? {
        let lower = text.lowercased()
        if lower.contains("certificate problem") {
            if lower.contains("expired") || lower.contains("not yet valid") {
                return SourceError(.tls, "TLS: certificate expired or not yet valid")
            }
            return SourceError(.tls, "TLS: certificate not trusted")
        }
        if lower.contains("subject name") || lower.contains("does not match target host") {
            return SourceError(.tls, "TLS: certificate does not match the host")
        }
        if lower.contains("ssl routines") {
            // "OpenSSL/3.0.19: error:0A00010B:SSL routines::wrong version number": keep the reason only.
            let reason = text.components(separatedBy: "::").last ?? text
            return SourceError(.tls, "TLS: handshake failed (\(reason))")
        }
        guard lower.hasPrefix("ssl") || lower.contains("tls") else { return nil }
        return SourceError(.tls, "TLS: \(text)")
    }
}
