import NIOCore
import Testing
@testable import PerfdashCore

/// The pieces of the PostgreSQL client that need no server: digests against published vectors (FIPS 180-2,
/// RFC 4231, RFC 7914, RFC 1321, RFC 7677), the message decoder on hostile bytes, URLs and versions.
@Suite struct PostgresWireTests {
    private func hex(_ bytes: [UInt8]) -> String {
        bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }

    @Test func sha256MatchesTheStandardVectors() {
        #expect(hex(SHA256.hash(Array("abc".utf8))) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(hex(SHA256.hash([])) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        // A million 'a's fed in uneven pieces: block boundaries fall inside updates.
        var hasher = SHA256()
        var fed = 0
        while fed < 1_000_000 {
            let piece = min(997, 1_000_000 - fed)
            hasher.update([UInt8](repeating: UInt8(ascii: "a"), count: piece))
            fed += piece
        }
        #expect(hex(hasher.finish()) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func hmacAndPBKDF2MatchTheRFCs() {
        #expect(hex(HMACSHA256.mac(key: Array("Jefe".utf8), Array("what do ya want for nothing?".utf8)))
                == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
        #expect(hex(HMACSHA256.pbkdf2(password: Array("passwd".utf8), salt: Array("salt".utf8), iterations: 1))
                == "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc")
        #expect(hex(HMACSHA256.pbkdf2(password: Array("password".utf8), salt: Array("salt".utf8), iterations: 4096))
                == "c5e478d59288c841aa530db6845c4c8d962893a001ce4e11a4963873aa98134a")
    }

    @Test func md5AndPostgresMD5Passwords() throws {
        #expect(MD5.hex([]) == "d41d8cd98f00b204e9800998ecf8427e")
        #expect(MD5.hex(Array("The quick brown fox jumps over the lazy dog".utf8)) == "9e107d9d372bb6826bd81d3542a419d6")
        #expect(MD5.hex([UInt8](repeating: UInt8(ascii: "x"), count: 200)) == "30a83621ce5422fbdfdd539777458c78")
        var auth = PostgresAuthentication(user: "md5user", password: "secret")
        let answer = try #require(try auth.respond(code: 5, data: [1, 2, 3, 4]))
        // "md5" + md5(md5(password + user) + salt), then NUL.
        #expect(answer.payload == Array("md56b614f1bd5dc8478f5705c783c9bbdc0".utf8) + [0])
    }

    @Test func scramFollowsRFC7677() throws {
        var client = SCRAMClient(password: "pencil", username: "user", nonce: "rOprNGfwEbeRWgbNEkqO")
        #expect(String(decoding: client.clientFirst(), as: UTF8.self) == "n,,n=user,r=rOprNGfwEbeRWgbNEkqO")
        let serverFirst = "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096"
        let final = try client.clientFinal(serverFirst: Array(serverFirst.utf8))
        #expect(String(decoding: final, as: UTF8.self)
                == "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=")
        try client.verify(serverFinal: Array("v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=".utf8))
        #expect(throws: SourceError(.authentication, "SCRAM server signature does not match")) {
            try client.verify(serverFinal: Array("v=AAAATRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=".utf8))
        }
        // A server nonce that does not extend ours is an impostor.
        #expect(throws: SourceError.self) {
            try client.clientFinal(serverFirst: Array("r=someoneelse,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096".utf8))
        }
    }

    @Test(arguments: [
        ([UInt8(ascii: "Z"), 0, 0, 0, 3], "message length 3"),
        ([UInt8(ascii: "Z"), 0x7f, 0xff, 0xff, 0xff], "message length 2147483647"),
        ([UInt8(ascii: "D"), 0, 0, 0, 10, 0, 1, 0x7f, 0, 0, 0], "data row field length 2130706432"),
        ([UInt8(ascii: "?"), 0, 0, 0, 4], "unexpected message type '?'"),
        ([UInt8(ascii: "S"), 0, 0, 0, 7, 0x61, 0x62, 0x63], "unterminated string"),
    ])
    func hostileMessagesAreRefused(bytes: [UInt8], detail: String) {
        var buffer = ByteBuffer(bytes: bytes)
        #expect(throws: SourceError(.protocolViolation, "not a PostgreSQL server: \(detail)")) {
            _ = try PostgresWire.decode(&buffer)
        }
    }

    @Test func partialMessagesWaitForTheRest() throws {
        var buffer = ByteBuffer(bytes: [UInt8(ascii: "D"), 0, 0, 0, 15, 0, 2, 0, 0, 0, 1])
        #expect(try PostgresWire.decode(&buffer) == nil)
        buffer.writeBytes([UInt8(ascii: "7"), 0xff, 0xff, 0xff, 0xff])
        #expect(try PostgresWire.decode(&buffer) == .dataRow(["7", nil]))
        #expect(buffer.readableBytes == 0)
    }

    @Test func urlsAndVersions() throws {
        let full = try PostgresServiceConfig.parse("postgres://monitor@db.internal:6543/app")
        #expect(full == PostgresServiceConfig(host: "db.internal", port: 6543, user: "monitor", database: "app"))
        #expect(try PostgresServiceConfig.parse("postgresql://[::1]/x") == PostgresServiceConfig(
            host: "::1", port: 5432, user: "postgres", database: "x"))
        #expect(try PostgresServiceConfig.parse("postgres://a%40b@h/my%2Fdb").user == "a@b")
        #expect(throws: EndpointError("a password in the URL is not accepted; use password_env or PGPASSWORD")) {
            try PostgresServiceConfig.parse("postgres://u:secret@h/db")
        }
        #expect(throws: EndpointError("port \"99999\" is not a number in 1…65535")) {
            try PostgresServiceConfig.parse("postgres://u@h:99999/db")
        }
        #expect(PostgresConnection.versionNumber("15.18 (Debian 15.18-0+deb12u1)") == 150_018)
        #expect(PostgresConnection.versionNumber("9.6.24") == 90_624)
        #expect(PostgresConnection.versionNumber("17beta1") == 170_000)
        #expect(PostgresConnection.versionNumber("garbage") == 0)
    }
}
