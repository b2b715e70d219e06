import Foundation

/// The client side of PostgreSQL's password authentication: cleartext, md5 and SCRAM-SHA-256 (RFC 5802 / 7677,
/// without channel binding, as libpq does over a plain connection).
package struct PostgresAuthentication: Sendable {
    /// The role name from the startup message.
    let user: String
    /// The password, if one was configured.
    let password: String?
    private var scram: SCRAMClient?

    package init(user: String, password: String?) {
        self.user = user
        self.password = password
    }

    /// What to send for an `R` message, or nil when authentication is complete (code 0) or needs no answer.
    package mutating func respond(code: Int32, data: [UInt8]) throws(SourceError) -> (type: UInt8, payload: [UInt8])? {
        switch code {
        case 0:
            return nil
        case 3:
            return (UInt8(ascii: "p"), Array(try needPassword().utf8) + [0])
        case 5:
            guard data.count >= 4 else { throw PostgresWire.violation("md5 request without salt") }
            let inner = MD5.hex(Array(try needPassword().utf8) + Array(user.utf8))
            return (UInt8(ascii: "p"), Array(("md5" + MD5.hex(Array(inner.utf8) + data.prefix(4))).utf8) + [0])
        case 10:
            let mechanisms = data.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
            guard mechanisms.contains("SCRAM-SHA-256") else {
                throw SourceError(.authentication, "server offers only \(mechanisms.joined(separator: ", ")) "
                                  + "(perfdash speaks SCRAM-SHA-256, md5 and password)")
            }
            let client = SCRAMClient(password: try needPassword())
            let first = client.clientFirst()
            scram = client
            // SASLInitialResponse: mechanism, NUL, the length of the client-first message, the message.
            let count = Int32(first.count)
            let length = (0..<4).map { UInt8(truncatingIfNeeded: count >> Int32(24 - 8 * $0)) }
            return (UInt8(ascii: "p"), Array("SCRAM-SHA-256".utf8) + [0] + length + first)
        case 11:
            guard var client = scram else { throw PostgresWire.violation("SASL continue before SASL start") }
            let final = try client.clientFinal(serverFirst: data)
            scram = client
            return (UInt8(ascii: "p"), final)
        case 12:
            guard let client = scram else { throw PostgresWire.violation("SASL final before SASL start") }
            try client.verify(serverFinal: data)
            return nil
        case 2, 7, 8, 9:
            throw SourceError(.authentication, "server asks for Kerberos/GSSAPI/SSPI authentication (not supported)")
        default:
            throw SourceError(.authentication, "unsupported authentication request \(code)")
        }
    }

    private func needPassword() throws(SourceError) -> String {
        guard let password else {
            throw SourceError(.authentication, "server asks for a password: set password_env (or PGPASSWORD)")
        }
        return password
    }
}

/// One SCRAM-SHA-256 exchange.
struct SCRAMClient: Sendable {
    private let password: String
    private let username: String
    private let clientNonce: String
    private var authMessage: [UInt8] = []
    private var saltedPassword: [UInt8] = []

    /// `username` stays empty for PostgreSQL (it takes the user from the startup message); tests pass RFC 7677's.
    init(password: String, username: String = "", nonce: String? = nil) {
        self.password = password
        self.username = username
        var generator = SystemRandomNumberGenerator()
        clientNonce = nonce ?? Data((0..<18).map { _ in UInt8.random(in: 0...255, using: &generator) })
            .base64EncodedString()
    }

    private var clientFirstBare: String { "n=\(username),r=\(clientNonce)" }

    /// `n,,n=,r=<nonce>`: PostgreSQL takes the user from the startup message, so the SCRAM name stays empty.
    func clientFirst() -> [UInt8] { Array("n,,\(clientFirstBare)".utf8) }

    /// The client-final message for the server-first message `r=…,s=…,i=…`.
    mutating func clientFinal(serverFirst: [UInt8]) throws(SourceError) -> [UInt8] {
        let text = String(decoding: serverFirst, as: UTF8.self)
        var fields: [Character: String] = [:]
        for part in text.split(separator: ",") where part.count >= 2 && part.dropFirst().first == "=" {
            fields[part.first!] = String(part.dropFirst(2))
        }
        guard let nonce = fields["r"], nonce.hasPrefix(clientNonce), nonce.count > clientNonce.count,
              let saltText = fields["s"], let salt = Data(base64Encoded: saltText),
              let iterationText = fields["i"], let iterations = Int(iterationText), (1...1_000_000).contains(iterations)
        else {
            throw SourceError(.authentication, "malformed SCRAM server-first message")
        }
        saltedPassword = HMACSHA256.pbkdf2(password: Array(password.utf8), salt: Array(salt), iterations: iterations)
        let clientKey = HMACSHA256.mac(key: saltedPassword, Array("Client Key".utf8))
        let storedKey = SHA256.hash(clientKey)
        let withoutProof = "c=biws,r=\(nonce)"
        authMessage = Array("\(clientFirstBare),\(text),\(withoutProof)".utf8)
        let signature = HMACSHA256.mac(key: storedKey, authMessage)
        let proof = zip(clientKey, signature).map { $0 ^ $1 }
        return Array("\(withoutProof),p=\(Data(proof).base64EncodedString())".utf8)
    }

    /// Checks the server's signature (`v=…`), so a server that does not know the password is not trusted.
    func verify(serverFinal: [UInt8]) throws(SourceError) {
        let text = String(decoding: serverFinal, as: UTF8.self)
        let serverKey = HMACSHA256.mac(key: saltedPassword, Array("Server Key".utf8))
        let expected = Data(HMACSHA256.mac(key: serverKey, authMessage)).base64EncodedString()
        guard text.split(separator: ",").contains(where: { $0 == "v=\(expected)" }) else {
            throw SourceError(.authentication, "SCRAM server signature does not match")
        }
    }
}
