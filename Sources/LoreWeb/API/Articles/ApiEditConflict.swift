import LoreCore

/// What a 412 on an article carries besides the problem: the version saved meanwhile, what the
/// program sent, the text merged as far as it goes (with conflict markers at each clash), and
/// each clash on its own — as the web editor's conflict page shows them.
struct ApiEditConflict: Encodable, Sendable {
    struct Yours: Encodable, Sendable {
        let title: String
        let markdown: String
    }

    struct Clash: Encodable, Sendable {
        let base: String
        let mine: String
        let theirs: String
    }

    let current: ApiArticle
    let yours: Yours
    let merged: String
    let clashes: [Clash]

    static func problem(_ conflict: EditConflict, current: ApiArticle, sent input: ApiArticle.Input) -> ApiProblem {
        var problem = ApiProblem(.preconditionFailed, "edit_conflict",
                                 detail: "Someone saved revision \(current.revision) after yours began, and the changes overlap. Nothing was saved.")
        problem.extra = ApiEditConflict(
            current: current, yours: Yours(title: input.title ?? "", markdown: input.markdown ?? ""), merged: conflict.body,
            clashes: conflict.clashes.map { Clash(base: $0.base, mine: $0.mine, theirs: $0.theirs) })
        return problem
    }
}
