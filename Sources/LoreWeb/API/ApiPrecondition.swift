import Hummingbird

/// The version an update is based on, from `If-Match`: an ETag this API gave
/// (`"r12-…"`, `"v3-…"`) or just its version part (`"r12"`). Missing: 428, as an update
/// without a base could silently undo someone else's change.
enum ApiPrecondition {
    static func version(_ request: Request, prefix: Character) throws -> Int {
        guard let header = request.headers[.ifMatch], !header.isEmpty else {
            throw ApiProblem(.preconditionRequired, "precondition_required",
                             detail: "Send If-Match with the ETag of the version your change is based on.")
        }
        let tags = ETagList(header).tags
        guard tags.count == 1, let tag = tags.first, tag.first == prefix,
              let number = Int(request: tag.dropFirst().prefix { $0 != "-" }, in: 1...Int.max)
        else {
            throw ApiProblem(.badRequest, "invalid_precondition", detail: "If-Match must be one ETag this API gave, such as \"\(prefix)3-…\".")
        }
        return number
    }
}
