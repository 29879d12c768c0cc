import Hummingbird
import HummingbirdTesting
import Testing

@Suite struct LanguageRoutesTests {
    @Test func choosingRussianIsRemembered() async throws {
        try await TestApp.run { client in
            let response = try await client.postForm("/language", [("lang", "ru"), ("back", "/c/hr")])
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/c/hr")
            let cookie = try #require(response.headers[.setCookie])
            #expect(cookie.contains("lang=ru"))
            #expect(cookie.contains("HttpOnly"))
            var russian = client
            russian.cookies["lang"] = "ru"
            let page = try await russian.get("/")
            #expect(page.text.contains("<html lang=\"ru\">"))
            #expect(page.text.contains("<h1>База знаний</h1>"))
            #expect(page.text.contains("2 статьи"))
        }
    }

    @Test func browserLanguageIsTheDefault() async throws {
        try await TestApp.run { client in
            let russian = try await client.get("/", headers: [.acceptLanguage: "ru-RU,ru;q=0.9,en;q=0.8"])
            #expect(russian.text.contains("<h1>База знаний</h1>"))
            let english = try await client.get("/", headers: [.acceptLanguage: "de-DE, en;q=0.5, ru;q=0.1"])
            #expect(english.text.contains("<h1>Knowledge base</h1>"))
            var russianReader = client
            russianReader.cookies["lang"] = "ru"
            let notFound = try await russianReader.get("/a/missing")
            #expect(notFound.text.contains("Страница не найдена"))
        }
    }
}
