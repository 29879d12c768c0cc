import Foundation
import Hummingbird
import HummingbirdTesting
import LoreWeb
import Testing

/// The editor's `[[` autocomplete: `/search/suggest?type=…` with the wiki link to insert, and
/// only what the writer may read.
@Suite struct LinkSuggestionRoutesTests {
    static func suggestions(_ browser: Browser, _ query: String) async throws -> [[String: String]] {
        let response = try await browser.get("/search/suggest?\(query)")
        #expect(response.status == .ok)
        return try #require(try JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [[String: String]])
    }

    @Test func pagesAndClientsComeWithTheLinkThatNamesThem() async throws {
        try await DraftFileRoutesTests.sample().test(.router) { client in
            let sergey = try await Browser.signIn(client, login: "sergey", password: LeakTests.demoPassword)
            let pages = try await Self.suggestions(sergey, "type=article&q=%D0%98%D1%81%D1%82%D0%BE%D1%80%D0%B8%D1%8F%20%D0%BA%D0%BE%D0%BC%D0%BF")
            #expect(pages.first?["link"] == "[[История компании]]")
            #expect(pages.allSatisfy { $0["url"]?.hasPrefix("/a/") == true })
            let clients = try await Self.suggestions(sergey, "type=client&q=%D0%9A%D0%B0%D0%BC%D1%81%D0%BA")  // "Камск"
            let kama = try #require(clients.first)
            #expect(kama["link"]?.hasPrefix("[[client:") == true && kama["link"]?.hasSuffix("|Камская Логистика]]") == true)
            #expect(clients.allSatisfy { $0["url"]?.hasPrefix("/clients/") == true })

            let ivan = try await Browser.signIn(client, login: "ivan", password: LeakTests.demoPassword)
            #expect(try await Self.suggestions(ivan, "type=client&q=%D0%9A%D0%B0%D0%BC%D1%81%D0%BA").isEmpty,
                    "no client for someone who may not read clients")
            #expect(try await Self.suggestions(ivan, "type=article&q=Salary%20rev").isEmpty, "no page hidden from the writer")
            #expect(try await Self.suggestions(sergey, "type=article&q=Salary%20rev").isEmpty)
        }
    }
}
