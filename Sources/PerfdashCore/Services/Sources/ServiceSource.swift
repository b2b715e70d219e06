/// Something perfdash can scrape into a `ServiceSample`: an HTTP exposition, a Redis server.
///
/// The seam the `ServiceScraper` schedules over. Implementations must return promptly when their task is cancelled:
/// the scraper cancels a source at its deadline and awaits it before the round ends.
public protocol ServiceSource: Sendable {
    /// Scrapes once. Throws a `SourceError` (other errors are reported by their description).
    func scrape() async throws -> ServiceSample
}

/// An HTTP exposition endpoint: fetches the body and hands it to an exposition parser.
///
/// The parser is injected so the I/O and the format stay apart; the app passes
/// `{ try Exposition.sample(from: $0.body, contentType: $0.contentType, names: names) }`.
public struct HTTPExpositionSource: ServiceSource {
    /// The GET that fetches the exposition.
    public var fetcher: HTTPFetcher
    /// Turns a fetched body into a sample; its errors are reported as invalid data.
    public var parse: @Sendable (HTTPScrapeResult) throws -> ServiceSample

    /// Creates a source.
    public init(fetcher: HTTPFetcher, parse: @escaping @Sendable (HTTPScrapeResult) throws -> ServiceSample) {
        self.fetcher = fetcher
        self.parse = parse
    }

    public func scrape() async throws -> ServiceSample {
        let result = try await fetcher.fetch()
        do {
            return try parse(result)
        } catch let error as SourceError {
            throw error
        } catch {
            throw SourceError(.invalidData, String(describing: error))
        }
    }
}
