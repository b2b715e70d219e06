/// The queue options that `--redis` and `probe redis://…` take after the address.
///
/// `HOST:PORT[/DB],preset=rq,queues=default,high` (flag) or `redis://HOST:PORT[/DB]?preset=celery&queues=hi&sep=:`
/// (URL): options are `key=value`, separated by `,` or `&`; a piece without `=` adds to the previous option's list.
/// Keys: `queues`, `queue_keys` (raw list keys), `preset` (celery, rq, sidekiq, bullmq, raw; it applies to the
/// `queues` after it, so one server's RQ and Celery queues are one service), `priority_steps`, `sep`, `key_prefix`,
/// `db`. Values may be %-escaped (`sep=%06%16`).
public struct RedisAddressOptions: Sendable, Equatable {
    /// The address without the options.
    public var address: String
    /// The queues, built with the preset and options.
    public var queues: [RedisQueue]
    /// `db=N`, when given as an option.
    public var database: Int?

    /// Splits `text` into the address and its options.
    public static func parse(_ text: String) throws(EndpointError) -> RedisAddressOptions {
        let cut = text.firstIndex { $0 == "?" || $0 == "," } ?? text.endIndex
        let address = String(text[..<cut])
        var options: [(key: String, values: [String])] = []
        if cut < text.endIndex {
            for piece in text[text.index(after: cut)...].split(whereSeparator: { $0 == "," || $0 == "&" }) {
                if let equals = piece.firstIndex(of: "=") {
                    options.append((String(piece[..<equals]), [try decode(piece[piece.index(after: equals)...])]))
                } else if !options.isEmpty {
                    options[options.count - 1].values.append(try decode(piece))
                } else {
                    throw EndpointError("option \"\(piece)\" needs a key, e.g. queues=\(piece)")
                }
            }
        }
        var preset = RedisQueuePreset.raw
        var settings = RedisQueueOptions.defaults
        // Each queues= takes the preset in effect where it stands: preset=rq,queues=a,preset=celery,queues=b.
        var names: [(String, RedisQueuePreset)] = [], rawKeys: [String] = []
        var database: Int?
        for (key, values) in options {
            switch key {
            case "queues": names += values.filter { !$0.isEmpty }.map { ($0, preset) }
            case "queue_keys": rawKeys += values.filter { !$0.isEmpty }
            case "preset", "queue_preset":
                guard let value = RedisQueuePreset(rawValue: values[0].lowercased()), values.count == 1 else {
                    throw EndpointError("preset must be one of \(RedisQueuePreset.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                preset = value
            case "priority_steps":
                let steps = values.flatMap { $0.split(separator: "+") }.compactMap { Int($0) }.filter { (0...255).contains($0) }
                guard !steps.isEmpty, steps.count == values.flatMap({ $0.split(separator: "+") }).count else {
                    throw EndpointError("priority_steps must be integers 0…255, e.g. priority_steps=0,3,6,9")
                }
                settings.prioritySteps = Array(Set(steps)).sorted()
            case "sep":
                guard let separator = values.first, !separator.isEmpty, values.count == 1 else {
                    throw EndpointError("sep must be one non-empty value, e.g. sep=:")
                }
                settings.separator = separator
            case "key_prefix": settings.keyPrefix = values.joined(separator: ",")
            case "db":
                guard let db = Int(String(values[0])), db >= 0 else { throw EndpointError("db must be a number ≥ 0") }
                database = db
            default:
                throw EndpointError("unknown option \"\(key)\" (expected queues, queue_keys, preset, priority_steps, sep, key_prefix or db)")
            }
        }
        var queues = names.map { RedisQueue(name: $0.0, preset: $0.1, options: settings) }
        queues += rawKeys.map { RedisQueue(name: $0, preset: .raw) }
        var seen: Set<String> = []
        for queue in queues where !seen.insert(queue.name).inserted {
            throw EndpointError("queue \"\(queue.name)\" is listed twice")
        }
        return RedisAddressOptions(address: address, queues: queues, database: database)
    }

    /// `%XX` escapes decoded.
    private static func decode(_ text: Substring) throws(EndpointError) -> String {
        guard text.contains("%") else { return String(text) }
        var bytes: [UInt8] = []
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else { bytes.append(byte); continue }
            guard let high = iterator.next(), let low = iterator.next(),
                  let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16) else {
                throw EndpointError("bad %-escape in \"\(text)\"")
            }
            bytes.append(value)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
