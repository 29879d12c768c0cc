import Hummingbird
import HummingbirdTesting
import Testing

@Suite struct ReadingRoutesTests {
    @Test func homeListsCategoriesAndRecentChanges() async throws {
        try await TestApp.run { client in
            let response = try await client.get("/")
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/html; charset=utf-8")
            #expect(response.text.contains("<a href=\"/c/hr\">HR</a>"))
            #expect(response.text.contains("2 articles"))
            #expect(response.text.contains("href=\"/a/first-day\""))
            #expect(response.text.contains("<title>Knowledge base — Lore</title>"))
        }
    }

    @Test func categoryPageShowsSubcategoriesArticlesAndBreadcrumbs() async throws {
        try await TestApp.run { client in
            let response = try await client.get("/c/hr/onboarding")
            #expect(response.status == .ok)
            #expect(response.text.contains("<h1>Onboarding</h1>"))
            #expect(response.text.contains("href=\"/a/first-day\""))
            #expect(response.text.contains("<li><a href=\"/c/hr\">HR</a></li>"))
            let parent = try await client.get("/c/hr")
            #expect(parent.text.contains("href=\"/c/hr/onboarding\""))
            #expect(parent.text.contains("Your first days."))
        }
    }

    @Test func articlePageRendersMarkdownLinksAndBacklinks() async throws {
        try await TestApp.run { client in
            let response = try await client.get("/a/first-day")
            #expect(response.status == .ok)
            let html = response.text
            #expect(html.contains("<h1 class=\"article-title\">First day</h1>"))
            #expect(html.contains("<a class=\"wikilink\" href=\"/a/vacations\" data-target=\"Vacations\">Vacations</a>"))
            #expect(html.contains("class=\"wikilink missing\" href=\"/new?title=Parking%20rules\""))
            #expect(html.contains("<code>[[Title]]</code>"))
            #expect(html.contains("<details class=\"toc\" id=\"toc\" open data-fold-on-phone>"))
            #expect(html.contains("href=\"#before-you-come\""))
            // Vacations links back to the first-day page.
            #expect(html.contains("<li><a href=\"/a/vacations\">Vacations</a></li>"))
        }
    }

    @Test func cyrillicArticleHasATransliteratedAddress() async throws {
        try await TestApp.run { client in
            let response = try await client.get("/a/pravila")
            #expect(response.status == .ok)
            #expect(response.text.contains("Правила внутреннего распорядка"))
        }
    }

    @Test(arguments: ["/a/nope", "/c/nope", "/c/hr/nope", "/nowhere", "/categories/999/edit", "/a/nope/edit"])
    func missingThingsGetTheSiteNotFoundPage(uri: String) async throws {
        try await TestApp.run { client in
            let response = try await client.get(uri)
            #expect(response.status == .notFound)
            #expect(response.text.contains("Page not found"))
            #expect(response.text.contains("class=\"site-header\""))
        }
    }

    @Test func staticFilesAreServed() async throws {
        try await TestApp.run { client in
            let css = try await client.get("/css/lore.css")
            #expect(css.status == .ok)
            #expect(css.text.contains("@media print"))
            let script = try await client.get("/js/lore.js")
            #expect(script.status == .ok)
        }
    }
}
