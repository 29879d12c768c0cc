import Foundation
import LoreCore

/// An article in a list: its link and who changed it when.
struct ArticleListItem {
    let title: String
    let url: String
    let categoryTitle: String?
    let changedLine: String

    /// Builds the items, looking up the editors' names in one query.
    static func items(
        _ articles: [Article], queries: ArticleQueries, t: Translations, categoryTitles: [Int64: String] = [:]
    ) async throws -> [ArticleListItem] {
        items(articles, names: try await queries.userNames(Set(articles.map(\.updatedById))), t: t, categoryTitles: categoryTitles)
    }

    /// With the authors' names already read (in the page's snapshot).
    static func items(_ articles: [Article], names: [Int64: String], t: Translations, categoryTitles: [Int64: String] = [:]) -> [ArticleListItem] {
        articles.map { article in
            ArticleListItem(
                title: article.title, url: Paths.article(article.slug),
                categoryTitle: categoryTitles[article.categoryId],
                changedLine: t.format("changed_by", [
                    "date": DisplayDate.format(article.updatedAt, t.language), "name": names[article.updatedById] ?? "—",
                ]))
        }
    }
}
