/// What a person submits to create or change an article.
public struct ArticleDraft: Sendable, Equatable {
    public var title: String
    /// Empty means "derive a free one from the title" on creation and "keep it" on edits.
    public var slug: String
    public var categoryId: Int64
    public var body: String
    public var summary: String
    /// Set by imports from front matter; the web forms leave articles where they are.
    public var position: Int?
    /// A small change (a typo) that recent changes may hide.
    public var isMinor: Bool
    /// When the draft moves the article: what becomes of its earlier revisions. Nil asks, by
    /// ``MoveExposesHistory``, when the move would show them to new people.
    public var historyOnMove: HistoryOnMove?
    /// A significant change: everyone the page requires to confirm it does so again.
    public var asksToConfirmAgain = false
    /// For a new page: the writer's ``DraftFolder`` whose files (pasted images, a Word
    /// document's pictures) become the page's attachments when it is created.
    public var files: String?

    public init(title: String, slug: String = "", categoryId: Int64, body: String, summary: String = "", position: Int? = nil,
                isMinor: Bool = false, historyOnMove: HistoryOnMove? = nil, files: String? = nil) {
        self.title = title
        self.slug = slug
        self.categoryId = categoryId
        self.body = body
        self.summary = summary
        self.position = position
        self.isMinor = isMinor
        self.historyOnMove = historyOnMove
        self.files = files
    }

    public init(_ article: Article) {
        self.init(title: article.title, slug: article.slug, categoryId: article.categoryId, body: article.body)
    }

    public static let maxTitleBytes = 300
    /// A long regulation is 60 KB of Markdown; four times that is room for any real page and a
    /// ceiling on what one save or preview can cost.
    public static let maxBodyBytes = 256 << 10
    public static let maxSummaryBytes = 500
}
