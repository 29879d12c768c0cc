import LoreCore

/// The "Watch" / "Stop watching" button of an article, a category or a client card.
struct WatchView {
    let subject: String
    let watching: Bool
    let back: String

    init(_ subject: NotificationSubject, watching: Bool, back: String) {
        self.subject = subject.key
        self.watching = watching
        self.back = back
    }
}
