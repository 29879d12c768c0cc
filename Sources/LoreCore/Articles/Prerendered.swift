/// A text rendered outside a write transaction, with the commit count it was rendered at.
struct Prerendered: Sendable {
    let generation: Int
    let body: String
    let rendered: RenderedMarkdown

    /// The rendering, if it is of this text and nothing was committed since it was made.
    func usable(for body: String, now generation: Int) -> RenderedMarkdown? {
        body == self.body && generation == self.generation ? rendered : nil
    }
}
