import GRDB

/// Two people editing at once never lose work: a save from an older revision folds in what
/// changed since, or stops with the clashes for the person to resolve.
extension ArticleService {
    /// The draft with someone else's changes since `base` folded in, when the two edits touch
    /// different lines (and do not both change the title or the category differently).
    static func merged(_ draft: ArticleDraft, base number: Int, current: Article, policy: AccessPolicy,
                               db: Database) throws -> ArticleDraft {
        // A base the writer may not see (kept to the readers of an old category, or redacted) is
        // no base: a conflict would show its text as "their change".
        guard let id = current.id, number < current.revision, let base = try Revision.readable(number, of: id, policy, db),
              !base.isRedacted
        else {
            throw EditConflict(current: current, base: nil, clashes: [], body: draft.body, theirTitle: nil)
        }
        var merged = draft
        let titles = threeWay(base: base.title, mine: draft.title, theirs: current.title)
        let categories = threeWay(base: base.categoryId, mine: draft.categoryId, theirs: current.categoryId)
        // The form still shows the address from before someone else changed it: keep theirs.
        let staleSlug = try Int64.fetchOne(db, sql: "SELECT articleId FROM slugRedirect WHERE slug = ?", arguments: [draft.slug]) == id
        if staleSlug { merged.slug = current.slug }
        let theirTitle = titles == nil ? current.title : nil
        switch ThreeWayMerge.merge(base: base.body, mine: draft.body, theirs: current.body) {
        case .clean(let body):
            // A clash of titles or categories alone still needs the person to decide.
            if titles == nil || categories == nil {
                throw EditConflict(current: current, base: base, clashes: [], body: body, theirTitle: theirTitle)
            }
            merged.body = body
        case .conflicts(let regions):
            let clashes = regions.compactMap { region -> EditConflict.Clash? in
                guard case .conflict(let base, let mine, let theirs) = region else { return nil }
                return .init(base: base.joined(separator: "\n"), mine: mine.joined(separator: "\n"), theirs: theirs.joined(separator: "\n"))
            }
            let body = ConflictMarkers.text(regions, theirRevision: current.revision, endsWithNewline: draft.body.hasSuffix("\n"))
            throw EditConflict(current: current, base: base, clashes: clashes, body: body, theirTitle: theirTitle)
        }
        merged.title = titles ?? draft.title
        merged.categoryId = categories ?? draft.categoryId
        return merged
    }

    /// A field both sides may have changed: the one side's change, or nil when both changed it differently.
    private static func threeWay<Value: Equatable>(base: Value, mine: Value, theirs: Value) -> Value? {
        if mine == base || mine == theirs { return theirs }
        if theirs == base { return mine }
        return nil
    }
}
