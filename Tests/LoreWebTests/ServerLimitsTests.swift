import Testing
import LoreCore
@testable import LoreWeb

@Suite struct ServerLimitsTests {
    @Test func forwardedForIsBelievedOnlyFromATrustedProxy() {
        let proxies = TrustedProxies(["127.0.0.1"])
        #expect(proxies.client(peer: "10.0.0.5", forwardedFor: "1.2.3.4") == "10.0.0.5", "anyone can write the header")
        #expect(proxies.client(peer: "127.0.0.1", forwardedFor: "1.2.3.4") == "1.2.3.4")
        // A client may send its own X-Forwarded-For; the proxy appends the real address, which is the one believed.
        #expect(proxies.client(peer: "127.0.0.1", forwardedFor: "6.6.6.6, 1.2.3.4") == "1.2.3.4")
        #expect(proxies.client(peer: "127.0.0.1", forwardedFor: nil) == "127.0.0.1")
        #expect(TrustedProxies([]).client(peer: "127.0.0.1", forwardedFor: "1.2.3.4") == "127.0.0.1")
    }

    @Test func redirectsCarryOnlyASCII() {
        #expect(LocalPath.sanitized("/a/привет?x=1 2") == "/a/%D0%BF%D1%80%D0%B8%D0%B2%D0%B5%D1%82?x=1%202")
        #expect(LocalPath.sanitized("/a/already%20encoded") == "/a/already%20encoded")
        #expect(LocalPath.sanitized("//evil.example") == "/")
    }

    @Test func numbersFromRequestsAreReadOnlyWithinTheirRange() {
        #expect(Int64(request: " 42 ", in: .ids) == 42)
        #expect(Int64(request: "-1", in: .ids) == nil)
        #expect(Int64(request: String(1 << 41), in: .ids) == nil)
        #expect(Int64(request: "99999999999999999999999", in: .ids) == nil, "too large for the type")
        #expect(Int(request: "4x", in: .typed) == nil)
        #expect(Int(request: Optional<String>.none, in: .typed) == nil)
        #expect(Int(request: "-3", in: 0...500) == nil, "a negative count would make a range that traps")
        #expect(Int(request: "7", in: 1...3650) == 7)
    }

    @Test func pageNumbersOutOfAnyListAreNotFound() throws {
        #expect(try PageNumber.parse(nil) == 1)
        #expect(try PageNumber.parse("abc") == 1)
        #expect(try PageNumber.parse("3") == 3)
        #expect(throws: NotFound.self) { try PageNumber.parse("9223372036854775807") }
        #expect(throws: NotFound.self) { try PageNumber.parse("0") }
        #expect(throws: NotFound.self) { try PageNumber.revision("-9223372036854775808") }
        #expect(try PageNumber.revision(nil) == nil)
    }
}
