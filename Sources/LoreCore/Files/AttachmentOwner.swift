/// What a file is attached to, as a request names it.
public enum AttachmentOwner: Sendable, Equatable {
    case article(slug: String)
    case client(slug: String)
    /// The writer's ``DraftFolder`` of that name, for a page not yet saved.
    case draft(key: String)
}
