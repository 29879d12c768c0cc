import GRDB

/// One reader's view of the database inside one read transaction. What it offers is already
/// narrowed to what the reader may see, so code that reads through it cannot forget the
/// filter; and everything a page reads through one viewer comes from one snapshot, so a move
/// or a change of rights in between cannot turn the page into a 404 halfway through.
///
/// Services read as `database.read(as: principal) { viewer in … }`; the domain folders extend
/// it with their own requests (`Viewer+Articles`, `Viewer+Categories`, …).
public struct Viewer {
    public let principal: Principal
    let policy: AccessPolicy
    let db: Database
    /// Where what every page asks is kept between snapshots, and the generation the snapshot
    /// began at; nil inside a write, whose uncommitted changes must not be kept.
    let kept: Kept?

    struct Kept {
        /// The categories each kind of reader sees.
        let categories: ChangeKeyedCache<String, ReaderCategories>
        /// What categories hand down to their pages' owners and reviews.
        let stewardship: ChangeKeyedCache<Int, Stewardship.Defaults>
        let generation: Int
    }

    init(principal: Principal, db: Database, kept: Kept? = nil) {
        self.principal = principal
        self.policy = AccessPolicy(principal)
        self.db = db
        self.kept = kept
    }

    /// Display names of the given users, for "changed by" lines.
    func userNames(_ ids: Set<Int64>) throws -> [Int64: String] {
        try User.displayNames(ids, db)
    }
}

extension AppDatabase {
    /// Reads what `principal` may see, in one snapshot.
    public func read<Value: Sendable>(as principal: Principal, _ body: @escaping @Sendable (Viewer) throws -> Value) async throws -> Value {
        // Read before the snapshot begins: a commit in between leaves what is kept at the older generation.
        let kept = Viewer.Kept(categories: readerCategories, stewardship: stewardshipDefaults, generation: changes.content)
        return try await reader.read { db in try body(Viewer(principal: principal, db: db, kept: kept)) }
    }
}
