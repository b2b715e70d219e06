import Testing
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// One GET with a real timeout (Linux ignores `URLRequest.timeoutInterval`; the session setting is honoured).
enum HTTP {
    struct Response {
        var status: Int
        var contentType: String?
        var body: String
    }

    static func get(_ url: String) async throws -> Response {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = 5
        let session = URLSession(configuration: configuration)
        defer { session.finishTasksAndInvalidate() }
        let (data, response) = try await session.data(from: try #require(URL(string: url)))
        let http = try #require(response as? HTTPURLResponse)
        return Response(status: http.statusCode, contentType: http.value(forHTTPHeaderField: "Content-Type"),
                        body: String(decoding: data, as: UTF8.self))
    }
}
