/// Entry points for reading an exposition: a streaming visitor, a family builder and the ServiceSample mapping.
public enum Exposition {
    /// The format to parse with: the Content-Type's when it names one, else detected from the body (`# EOF`).
    public static func format(contentType: String?, body: UnsafeRawBufferPointer) -> ExpositionFormat {
        ExpositionFormat(contentType: contentType) ?? ExpositionFormat.detect(body)
    }

    /// Parses `body` line by line into `visitor`; throws the first syntax error with its line and column.
    public static func parse<V: ExpositionVisitor>(
        _ body: UnsafeRawBufferPointer, format: ExpositionFormat, into visitor: inout V
    ) throws(ExpositionError) {
        var parser = ExpositionParser(body, format: format, symbols: SymbolTable())
        try parser.run(&visitor)
    }

    /// Parses `body` into metric families, in the order they appear.
    public static func families(from body: UnsafeRawBufferPointer, format: ExpositionFormat) throws(ExpositionError)
        -> [MetricFamily] {
        var builder = FamilyBuilder()
        try parse(body, format: format, into: &builder)
        return builder.families
    }

    /// Parses `body` into metric families, in the order they appear.
    public static func families(from body: [UInt8], contentType: String? = nil) throws(ExpositionError)
        -> [MetricFamily] {
        try withBody(body) { (raw) throws(ExpositionError) in
            try families(from: raw, format: format(contentType: contentType, body: raw))
        }
    }

    /// Reads what perfdash needs from one scrape: cache counters, queue depths, latency distributions, series count.
    public static func sample(from body: UnsafeRawBufferPointer, contentType: String?, names: ServiceMetricNames)
        throws(ExpositionError) -> ServiceSample {
        var builder = ServiceSampleBuilder(names: names)
        try parse(body, format: format(contentType: contentType, body: body), into: &builder)
        return builder.sample
    }

    /// Reads what perfdash needs from one scrape: cache counters, queue depths, latency distributions, series count.
    public static func sample(from body: [UInt8], contentType: String?, names: ServiceMetricNames)
        throws(ExpositionError) -> ServiceSample {
        try withBody(body) { (raw) throws(ExpositionError) in try sample(from: raw, contentType: contentType, names: names) }
    }

    /// Counts the series of a body without keeping anything: the parser's raw speed (used by the benchmark).
    public static func countSeries(in body: UnsafeRawBufferPointer, format: ExpositionFormat) throws(ExpositionError)
        -> Int {
        var counter = SeriesCounter()
        try parse(body, format: format, into: &counter)
        return counter.count
    }

    private static func withBody<R>(_ body: [UInt8], _ work: (UnsafeRawBufferPointer) throws(ExpositionError) -> R)
        throws(ExpositionError) -> R {
        let result: Result<R, ExpositionError> = body.withUnsafeBytes { raw in
            do throws(ExpositionError) { return .success(try work(raw)) } catch { return .failure(error) }
        }
        return try result.get()
    }
}

/// Counts sample lines.
struct SeriesCounter: ExpositionVisitor {
    var count = 0

    mutating func visitSample(_ sample: ExpositionSample, symbols: SymbolTable) {
        count += 1
    }
}
