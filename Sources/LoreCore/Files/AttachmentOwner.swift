/// What a file is attached to, as a request names it.
public enum AttachmentOwner: Sendable, Equatable {
    case article(slug: String)
    case client(slug: String)
}
