import GRDB
import Synchronization

/// Counts the committed transactions that changed what pages show (`content`) and those that
/// changed sessions (`sessions`) or notifications and watching (`notices`), so that in-memory caches can tell in one comparison whether
/// what they hold may be out of date. API tokens and the audit log change on many requests
/// and show on no cached page.
public final class DatabaseChanges: Sendable {
    private let counts = Mutex((content: 0, sessions: 0, notices: 0))

    static let sessionTable = "session"
    /// One person's own: marking a notification read must not make every cached page stale.
    static let noticeTables: Set<String> = ["notification", "notificationSetting", "watch", "mail"]
    // Client reads are written as cards are shown, confirmations and views as pages are read: no shared page changes with them.
    static let ignoredTables: Set<String> = ["apiToken", "auditEntry", "clientRead", "acknowledgement", "articleView", "grdb_migrations"]
    /// A person's first sign-in and password show on no shared page (a newcomer's reading plan
    /// is read afresh for them): a morning of newcomers signing in for the first time must not
    /// make every cached page stale with each of them. Lower-cased, as compared.
    static let unshownUserColumns: Set<String> = ["firstsigninat", "passwordhash"]

    public init() {}

    /// Goes up by one with each commit that changed anything but sessions, tokens and the audit log.
    public var content: Int { counts.withLock { $0.content } }

    /// Goes up by one with each commit that changed sessions.
    public var sessions: Int { counts.withLock { $0.sessions } }

    /// Goes up by one with each commit that changed notifications, their settings or watching.
    public var notices: Int { counts.withLock { $0.notices } }

    func bump(content: Bool, sessions: Bool, notices: Bool) {
        counts.withLock { counts in
            if content { counts.content += 1 }
            if sessions { counts.sessions += 1 }
            if notices { counts.notices += 1 }
        }
    }

    /// Registered on the database's writer for its lifetime.
    final class Observer: TransactionObserver {
        let changes: DatabaseChanges
        private var content = false
        private var sessions = false
        private var notices = false

        init(_ changes: DatabaseChanges) {
            self.changes = changes
        }

        func observes(eventsOfKind eventKind: DatabaseEventKind) -> Bool {
            if case .update(let table, let columns) = eventKind, table.lowercased() == "user",
               Set(columns.map { $0.lowercased() }).isSubset(of: DatabaseChanges.unshownUserColumns) {
                return false
            }
            return !DatabaseChanges.ignoredTables.contains(eventKind.tableName)
        }

        func databaseDidChange(with event: DatabaseEvent) {
            if event.tableName == DatabaseChanges.sessionTable {
                sessions = true
            } else if DatabaseChanges.noticeTables.contains(event.tableName) {
                notices = true
            } else {
                content = true
            }
        }

        func databaseDidCommit(_ db: Database) {
            if content || sessions || notices { changes.bump(content: content, sessions: sessions, notices: notices) }
            content = false
            sessions = false
            notices = false
        }

        func databaseDidRollback(_ db: Database) {
            content = false
            sessions = false
            notices = false
        }
    }
}
