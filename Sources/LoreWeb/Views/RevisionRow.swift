import Foundation
import LoreCore

/// One revision in a history list or in recent changes.
struct RevisionRow {
    let number: Int
    let articleTitle: String
    let articleURL: String
    let url: String
    let rawURL: String
    let diffURL: String?
    let date: String
    let author: String
    let authorURL: String
    let summary: String
    let sizeChange: String
    let sizeClass: String
    let isMinor: Bool
    let notes: [String]
    let fromChecked: Bool
    let toChecked: Bool

    /// `categories` are the ones the reader may see: a move from any other category is told
    /// without its name.
    static func rows(_ revisions: [RevisionSummary], categories tree: [CategoryNode], t: Translations) -> [RevisionRow] {
        let titles = tree.byId.mapValues(\.category.title)
        return revisions.enumerated().map { index, revision in
            let base = Paths.article(revision.articleSlug)
            var notes: [String] = []
            if let previous = revision.previousTitle { notes.append(t.format("history_renamed", ["title": previous])) }
            if let previous = revision.previousCategoryId {
                notes.append(t.format("history_moved", ["category": titles[previous] ?? t["history_other_category"]]))
            }
            if let restored = revision.restoredFrom { notes.append(t.format("history_restored", ["number": String(restored)])) }
            if revision.isRedacted { notes.append(t["history_redacted"]) }
            if let approver = revision.approvedBy { notes.append(t.format("history_approved", ["name": approver])) }
            if revision.number == 1 { notes.append(t["history_created"]) }
            return RevisionRow(
                number: revision.number, articleTitle: revision.articleTitle, articleURL: base,
                url: "\(base)/revisions/\(revision.number)", rawURL: "\(base)/revisions/\(revision.number)/raw",
                diffURL: revision.number > 1 ? "\(base)/diff?from=\(revision.number - 1)&to=\(revision.number)" : nil,
                date: DisplayDate.format(revision.createdAt, t.language), author: revision.authorName,
                authorURL: "/changes?user=\(revision.authorUsername.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")",
                summary: revision.summary,
                sizeChange: revision.sizeChange > 0 ? "+\(revision.sizeChange)" : revision.sizeChange < 0 ? "−\(-revision.sizeChange)" : "0",
                sizeClass: revision.sizeChange > 0 ? "grew" : revision.sizeChange < 0 ? "shrank" : "same",
                isMinor: revision.isMinor, notes: notes,
                fromChecked: index == 1, toChecked: index == 0)
        }
    }
}
