import HTTPTypes
import Hummingbird
import NIOCore
import Testing
@testable import LoreWeb

@Suite struct RequestCookieTests {
    private func request(_ cookieHeaders: [String]) -> Request {
        var head = HTTPRequest(method: .get, scheme: "http", authority: "lore", path: "/")
        for value in cookieHeaders { head.headerFields.append(HTTPField(name: .cookie, value: value)) }
        return Request(head: head, body: RequestBody(buffer: ByteBuffer()))
    }

    @Test func findsACookieByItsWholeNameInAnyCookieHeader() {
        let request = request(["lore_session_old=stale; lore_lang=ru;lore_session=abc123", "theme=dark;  lore_csrf=t=ok"])
        #expect(request.cookie("lore_session") == "abc123", "not the cookie whose name merely starts the same")
        #expect(request.cookie("lore_lang") == "ru")
        #expect(request.cookie("lore_csrf") == "t=ok", "a value may hold an equals sign")
        #expect(request.cookie("theme") == "dark")
        #expect(request.cookie("lore") == nil && request.cookie("abc123") == nil)
        #expect(self.request([]).cookie("lore_session") == nil)
        #expect(self.request(["lore_session="]).cookie("lore_session") == "")
        #expect(self.request(["; ;lore_lang"]).cookie("lore_lang") == nil, "a name without a value is no cookie")
    }
}
