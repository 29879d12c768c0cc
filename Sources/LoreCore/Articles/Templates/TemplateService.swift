import Foundation
import GRDB

/// Page templates: pages kept in the Templates category (`templates`, administrators and its
/// managers edit it), which "New page" offers to start from. A template directly in Templates
/// suits every category; one in `templates/hr` suits HR and the categories below it.
/// `{{date}}` / `{{дата}}` and `{{author}}` / `{{автор}}` are filled in when a page starts from
/// it; other placeholders (`{{employee name}}`) stay for the writer, who is told which.
public struct TemplateService: Sendable {
    public static let folder = "templates"

    let database: AppDatabase

    public init(database: AppDatabase) {
        self.database = database
    }

    public struct Template: Sendable, Equatable {
        public let slug: String
        public let title: String
        public let body: String
    }

    /// The templates the principal may read that suit a new page in the category, by title.
    public func templates(forCategory categoryId: Int64?, for principal: Principal) async throws -> [Template] {
        try await database.reader.read { db in
            let target = try categoryId.flatMap { try String.fetchOne(db, sql: "SELECT path FROM category WHERE id = ?", arguments: [$0]) }
            return try Self.readable(principal, db).filter { Self.suits($0.path, target) }.map(\.template)
        }
    }

    /// One template the principal may read, or not found.
    public func template(slug: String, for principal: Principal) async throws -> Template {
        try await database.reader.read { db in
            guard let found = try Self.readable(principal, db).first(where: { $0.template.slug == slug }) else { throw NotFound() }
            return found.template
        }
    }

    /// The template's text with the placeholders Lore knows filled in.
    public static func fill(_ body: String, date: String, author: String) -> String {
        var text = body
        for (names, value) in [(["date", "дата"], date), (["author", "автор"], author)] {
            for name in names { text = text.replacingOccurrences(of: "{{\(name)}}", with: value, options: .caseInsensitive) }
        }
        return text
    }

    /// The placeholders left in a text (`{{employee name}}` → "employee name"), in order, once each.
    public static func placeholders(in text: String) -> [String] {
        var found: [String] = []
        var rest = text[...]
        while let open = rest.range(of: "{{"), let close = rest[open.upperBound...].range(of: "}}") {
            let name = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            if !name.isEmpty, name.count <= 60, !name.contains("\n"), !found.contains(name) { found.append(name) }
            rest = rest[close.upperBound...]
        }
        return found
    }

    /// A template suits a category when it sits directly in Templates, or in a subcategory whose
    /// path (after `templates/`) is the category's path or one of its ancestors'.
    static func suits(_ templatePath: String, _ target: String?) -> Bool {
        guard templatePath != folder else { return true }
        let scope = String(templatePath.dropFirst(folder.count + 1))
        guard let target else { return false }
        return target == scope || target.hasPrefix(scope + "/")
    }

    private struct Found {
        let template: Template
        let path: String
    }

    private static func readable(_ principal: Principal, _ db: Database) throws -> [Found] {
        let request: SQLRequest<Row> = """
            SELECT article.slug, article.title, article.body, category.path FROM article JOIN category ON category.id = article.categoryId
            WHERE article.deletedAt IS NULL AND (category.path = \(folder) OR category.path LIKE \(folder + "/%"))
              AND \(AccessPolicy(principal).readableArticles())
            ORDER BY article.title
            """
        return try request.fetchAll(db).map { row in
            Found(template: Template(slug: row["slug"], title: row["title"], body: row["body"]), path: row["path"])
        }
    }
}
