/// Formats byte counts the way the config writes them: 32 MiB, 512 KiB, 100 B.
enum ByteSizeText {
    static func format(_ bytes: Int) -> String {
        let units: [(String, Int)] = [("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)]
        for (name, size) in units where bytes >= size && bytes % size == 0 {
            return "\(bytes / size) \(name)"
        }
        for (name, size) in units where bytes >= size {
            let value = Double(bytes) / Double(size)
            return "\((value * 10).rounded() / 10) \(name)"
        }
        return "\(bytes) B"
    }
}
