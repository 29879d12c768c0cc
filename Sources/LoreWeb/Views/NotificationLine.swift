import LoreCore

/// A notification in words, the same on the notifications page and in e-mails.
enum NotificationLine {
    static func text(_ shown: NotificationService.Shown, _ t: Translations) -> String {
        let entry = shown.entry
        let key = entry.count > 1 ? "notify_\(entry.kind.rawValue)_\(entry.event)_grouped" : "notify_\(entry.kind.rawValue)_\(entry.event)"
        return t.format(key, ["actor": shown.actorName.isEmpty ? "Lore" : shown.actorName, "title": shown.title,
                              "n": String(entry.count), "excerpt": entry.excerpt])
    }
}
