import GRDB

extension AppDatabase {
    /// The client registry: cards, their people, the timeline of contacts, the field-by-field
    /// history of every change, and the articles linked to a card by hand.
    static func addClientRegistry(_ db: Database) throws {
        try db.create(table: "client") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("slug", .text).notNull().unique()
            t.column("name", .text).notNull()
            t.column("kind", .text).notNull()
            t.column("status", .text).notNull().indexed()
            t.column("segment", .text).notNull().defaults(to: "")
            t.column("source", .text).notNull().defaults(to: "")
            t.column("frequency", .text).notNull().defaults(to: "")
            t.belongsTo("manager", inTable: "user", onDelete: .setNull)
            for field in ["legalName", "inn", "kpp", "ogrn", "legalAddress", "bankDetails", "address", "phones", "emails",
                          "website", "officeHours", "preferences", "notes", "notesHTML"] {
                t.column(field, .text).notNull().defaults(to: "")
            }
            // A JSON array: filtered with json_each, and small enough not to need a table.
            t.column("tags", .jsonText).notNull().defaults(to: "[]")
            t.belongsTo("createdBy", inTable: "user").notNull()
            // Counts saves, so that an edit made on an outdated card is caught instead of
            // silently overwriting what someone else saved meanwhile.
            t.column("version", .integer).notNull().defaults(to: 1)
            t.column("createdAt", .datetime).notNull()
            t.belongsTo("updatedBy", inTable: "user").notNull()
            t.column("updatedAt", .datetime).notNull()
            t.column("deletedAt", .datetime)
            t.belongsTo("deletedBy", inTable: "user")
        }
        try db.create(index: "client_on_inn", on: "client", columns: ["inn"])
        try db.create(table: "clientContact") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("client", onDelete: .cascade).notNull()
            for field in ["name", "position", "phones", "email", "messengers", "preferredChannel", "callWhen", "doNotCall",
                          "birthday", "notes"] {
                t.column(field, .text).notNull().defaults(to: "")
            }
        }
        try db.create(table: "clientInteraction") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("client", onDelete: .cascade).notNull()
            t.column("kind", .text).notNull()
            t.column("occurredAt", .datetime).notNull()
            t.belongsTo("author", inTable: "user").notNull()
            t.belongsTo("contact", inTable: "clientContact", onDelete: .setNull)
            t.column("summary", .text).notNull()
            t.column("outcome", .text).notNull().defaults(to: "")
            t.column("nextStep", .text).notNull().defaults(to: "")
            // A calendar day (YYYY-MM-DD): a next step is due on a day, not at an instant.
            t.column("nextStepDue", .text)
            t.column("nextStepDoneAt", .datetime)
        }
        try db.create(index: "clientInteraction_on_clientId_occurredAt", on: "clientInteraction", columns: ["clientId", "occurredAt"])
        try db.create(index: "clientInteraction_open_steps", on: "clientInteraction", columns: ["nextStepDue"],
                      condition: Column("nextStepDoneAt") == nil && Column("nextStepDue") != nil)
        try db.create(table: "clientChange") { t in
            t.autoIncrementedPrimaryKey("id")
            t.belongsTo("client", onDelete: .cascade).notNull()
            t.column("subject", .text).notNull()
            t.column("subjectId", .integer)
            t.column("subjectLabel", .text).notNull().defaults(to: "")
            t.column("field", .text).notNull()
            t.column("oldValue", .text).notNull()
            t.column("newValue", .text).notNull()
            t.belongsTo("author", inTable: "user").notNull()
            t.column("changedAt", .datetime).notNull()
        }
        try db.create(table: "clientArticleLink") { t in
            t.belongsTo("client", onDelete: .cascade).notNull()
            t.belongsTo("article", onDelete: .cascade).notNull()
            t.belongsTo("createdBy", inTable: "user").notNull()
            t.column("createdAt", .datetime).notNull()
            t.primaryKey(["clientId", "articleId"])
        }
    }
}
