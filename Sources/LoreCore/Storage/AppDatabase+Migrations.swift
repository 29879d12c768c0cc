import GRDB

extension AppDatabase {
    /// Named, append-only migrations: a released migration is never edited, only followed by a new one.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1 users, categories, articles, revisions, links") { db in
            try db.create(table: "user") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("username", .text).notNull().unique().collate(.nocase)
                t.column("email", .text).unique().collate(.nocase)
                t.column("displayName", .text).notNull()
                t.column("passwordHash", .text).notNull()
                t.column("createdAt", .datetime).notNull()
            }
            try db.create(table: "category") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("parent", inTable: "category", onDelete: .restrict)
                t.column("slug", .text).notNull()
                t.column("path", .text).notNull().unique()
                t.column("title", .text).notNull()
                t.column("description", .text).notNull().defaults(to: "")
                t.column("position", .integer).notNull().defaults(to: 0)
                t.belongsTo("createdBy", inTable: "user").notNull()
                t.column("createdAt", .datetime).notNull()
                t.belongsTo("updatedBy", inTable: "user").notNull()
                t.column("updatedAt", .datetime).notNull()
            }
            try db.create(table: "article") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("slug", .text).notNull().unique()
                t.column("title", .text).notNull()
                t.column("titleKey", .text).notNull().indexed()
                t.belongsTo("category", onDelete: .restrict).notNull()
                t.column("body", .text).notNull()
                t.column("html", .text).notNull()
                t.column("outline", .jsonText).notNull()
                t.column("position", .integer).notNull().defaults(to: 0)
                t.column("revision", .integer).notNull()
                t.belongsTo("createdBy", inTable: "user").notNull()
                t.column("createdAt", .datetime).notNull()
                t.belongsTo("updatedBy", inTable: "user").notNull()
                t.column("updatedAt", .datetime).notNull().indexed()
                t.column("deletedAt", .datetime)
                t.belongsTo("deletedBy", inTable: "user")
            }
            try db.create(table: "revision") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("article", onDelete: .cascade).notNull()
                t.column("number", .integer).notNull()
                t.column("title", .text).notNull()
                t.belongsTo("category", onDelete: .restrict).notNull()
                t.column("body", .text).notNull()
                t.column("summary", .text).notNull().defaults(to: "")
                t.column("size", .integer).notNull()
                t.belongsTo("author", inTable: "user").notNull()
                t.column("createdAt", .datetime).notNull()
                t.uniqueKey(["articleId", "number"])
            }
            try db.create(table: "slugRedirect") { t in
                t.primaryKey("slug", .text)
                t.belongsTo("article", onDelete: .cascade).notNull()
            }
            try db.create(table: "articleLink") { t in
                t.belongsTo("source", inTable: "article", onDelete: .cascade).notNull()
                t.column("kind", .text).notNull()
                t.column("targetKey", .text).notNull()
                t.primaryKey(["sourceId", "kind", "targetKey"])
            }
            try db.create(index: "articleLink_on_target", on: "articleLink", columns: ["kind", "targetKey"])
        }
        migrator.registerMigration("v2 roles, grants, sessions, audit", migrate: Self.addAccessRights)
        migrator.registerMigration("v3 set-password links") { db in
            // One-time links that let an invited user choose a password, or a user whose password
            // an administrator reset choose a new one.
            try db.create(table: "passwordLink") { t in
                t.primaryKey("token", .text)
                t.belongsTo("user", onDelete: .cascade).notNull()
                t.column("expiresAt", .datetime).notNull()
            }
        }
        migrator.registerMigration("v4 secrets stored as digests") { db in
            // Sessions and links from before were stored as the secret itself; they can no
            // longer be matched, so they end (people sign in again once).
            try db.execute(sql: "DELETE FROM session")
            try db.execute(sql: "DELETE FROM passwordLink")
        }
        migrator.registerMigration("v5 history") { db in
            try db.alter(table: "revision") { t in
                t.add(column: "isMinor", .boolean).notNull().defaults(to: false)
                // The revision this one brought back, when it was a restore.
                t.add(column: "restoredFrom", .integer)
            }
            try db.create(index: "revision_on_createdAt", on: "revision", columns: ["createdAt"])
            try db.create(index: "revision_on_authorId_createdAt", on: "revision", columns: ["authorId", "createdAt"])
            try db.alter(table: "category") { t in
                t.add(column: "hidesHistoryFromReaders", .boolean).notNull().defaults(to: false)
            }
        }
        migrator.registerMigration("v6 search index") { db in
            try SearchIndex.createTables(db)
            try SearchIndex.rebuild(db)
        }
        migrator.registerMigration("v7 client registry", migrate: Self.addClientRegistry)
        migrator.registerMigration("v8 attachments", migrate: Self.addAttachments)
        migrator.registerMigration("v9 word pairs in the search index") { db in
            // The tokenizer now adds word pairs, which phrase searches rely on.
            try SearchIndex.rebuild(db)
        }
        migrator.registerMigration("v10 API tokens") { db in
            try db.create(table: "apiToken") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("user", onDelete: .cascade).notNull()
                t.column("name", .text).notNull()
                t.column("digest", .text).notNull().unique()
                t.column("isReadOnly", .boolean).notNull()
                t.column("createdAt", .datetime).notNull()
                t.column("expiresAt", .datetime)
                t.column("lastUsedAt", .datetime)
                t.column("revokedAt", .datetime)
            }
        }
        migrator.registerMigration("v11 see-as in the session") { db in
            // Kept on the server: a cookie naming whom to see as was trusted before.
            try db.alter(table: "session") { t in
                t.add(column: "seeAsUserId", .integer).references("user", onDelete: .setNull)
            }
        }
        migrator.registerMigration("v12 category paths only as far up as they are seen alike") { db in
            try SearchIndex.rebuild(db)
        }
        migrator.registerMigration("v13 restricted and redacted revisions") { db in
            try db.alter(table: "revision") { t in
                // A category holding restricted history is not empty: it is never deleted under it.
                t.add(column: "restrictedToCategoryId", .integer).references("category")
                t.add(column: "redactedAt", .datetime)
                t.add(column: "redactedById", .integer).references("user")
            }
            // A redacted revision's text, for administrators (who may undo the redaction) only.
            try db.create(table: "redactedText") { t in
                t.primaryKey("revisionId", .integer).references("revision", onDelete: .cascade)
                t.column("body", .text).notNull()
            }
        }
        migrator.registerMigration("v14 client reads") { db in
            // One row per person, card and day: who read what, and how many distinct cards today.
            try db.create(table: "clientRead") { t in
                t.belongsTo("user", onDelete: .cascade).notNull()
                t.belongsTo("client", onDelete: .cascade).notNull()
                t.column("day", .text).notNull()
                t.column("lastAt", .datetime).notNull()
                t.primaryKey(["userId", "clientId", "day"])
            }
            try db.create(index: "clientRead_client", on: "clientRead", columns: ["clientId", "lastAt"])
            try db.create(index: "clientRead_day", on: "clientRead", columns: ["day"])
        }
        migrator.registerMigration("v15 ranked search: word families, compounds, synonyms, vocabulary") { db in
            // The tokenizer now adds family keys and joined compounds.
            try SearchIndex.rebuild(db)
            try SearchIndex.createVocabulary(db)
            try SearchSynonyms.createTables(db)
        }
        migrator.registerMigration("v16 tables, task lists, strikethrough, autolinks and callouts") { db in
            // Each reader's ticks on a page's task lists, by the item's key (see TaskListItems).
            try db.create(table: "checklistTick") { t in
                t.belongsTo("user", onDelete: .cascade).notNull()
                t.belongsTo("article", onDelete: .cascade).notNull()
                t.column("itemKey", .text).notNull()
                t.column("checked", .boolean).notNull()
                t.column("at", .datetime).notNull()
                t.primaryKey(["userId", "articleId", "itemKey"])
            }
            try db.create(index: "checklistTick_article", on: "checklistTick", columns: ["articleId", "userId"])
            // Pages written before show them as soon as the renderer knows them.
            let renderer = MarkdownRenderer()
            for id in try Int64.fetchAll(db, sql: "SELECT id FROM article WHERE deletedAt IS NULL ORDER BY id") {
                try ArticleService.renderAgain(id: id, renderer: renderer, db)
            }
        }
        migrator.registerMigration("v17 files of pages not yet saved") { db in
            try DraftFolder.createTable(db)
        }
        migrator.registerMigration("v18 read and confirm") { db in
            try ReadingRequirement.createTables(db)
            try db.alter(table: "user") { t in
                t.add(column: "position", .text).notNull().defaults(to: "")
                t.add(column: "department", .text).notNull().defaults(to: "")
                t.add(column: "firstSignInAt", .datetime)
            }
            // Those who were here before count as having started when their account was made.
            try db.execute(sql: "UPDATE user SET firstSignInAt = createdAt")
        }
        migrator.registerMigration("v19 owners and review dates") { db in
            try Stewardship.createTables(db)
        }
        migrator.registerMigration("v20 approval before publishing") { db in
            try PendingChange.createTables(db)
        }
        migrator.registerMigration("v21 when pages were last read") { db in
            try PageViews.createTable(db)
        }
        migrator.registerMigration("v22 new pages waiting for approval keep their pictures") { db in
            try PendingChange.addFiles(db)
        }
        migrator.registerMigration("v23 comments") { db in
            try Comment.createTable(db)
        }
        migrator.registerMigration("v24 comments on cards, watching, notifications, e-mail") { db in
            try Comment.addClients(db)
            try Watch.createTable(db)
            try NotificationEntry.createTable(db)
            try NotificationSetting.createTable(db)
            try OutgoingMail.createTable(db)
            try UnsubscribeLink.createSecret(db)
            try db.alter(table: "user") { t in
                t.add(column: "language", .text).notNull().defaults(to: "ru")
                t.add(column: "autoWatch", .boolean).notNull().defaults(to: true)
            }
        }
        migrator.registerMigration("v25 next steps for the team") { db in
            try ClientInteraction.addTasks(db)
        }
        migrator.registerMigration("v26 purchases") { db in
            try Purchase.createTable(db)
        }
        migrator.registerMigration("v27 merged cards") { db in
            try db.create(table: "clientMerge") { t in
                t.belongsTo("absorbed", inTable: "client", onDelete: .cascade).notNull().unique()
                t.belongsTo("kept", inTable: "client", onDelete: .cascade).notNull()
                t.column("moved", .jsonText).notNull()
                t.column("keptBefore", .jsonText).notNull()
                t.column("mergedAt", .datetime).notNull()
            }
        }
        migrator.registerMigration("v28 fields administrators add") { db in
            try db.create(table: "clientField") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("target", .text).notNull()
                t.column("key", .text).notNull()
                t.column("labelRu", .text).notNull()
                t.column("labelEn", .text).notNull()
                t.column("kind", .text).notNull()
                t.column("choices", .jsonText).notNull().defaults(to: "[]")
                t.column("position", .integer).notNull()
                t.column("createdAt", .datetime).notNull()
                t.uniqueKey(["target", "key"])
            }
            // A JSON object by field key: the list filters with json_extract, and the set of
            // fields is the administrators' to change without a migration.
            for table in ["client", "clientContact"] {
                try db.alter(table: table) { t in t.add(column: "custom", .jsonText).notNull().defaults(to: "{}") }
            }
        }
        migrator.registerMigration("v29 synonyms of several words keyed by word family") { db in
            try SearchSynonyms.rekey(db)
        }
        migrator.registerMigration("v30 live articles indexed by category") { db in
            // The sidebar counts every reader's articles per category: from this index, not from
            // the rows with their text (2 GB at 100,000 articles).
            try db.execute(sql: "CREATE INDEX article_live_on_categoryId ON article(categoryId) WHERE deletedAt IS NULL")
        }
        migrator.registerMigration("v31 synonyms of one word and function words keyed whole") { db in
            try SearchSynonyms.rekey(db)
        }
        migrator.registerMigration("v32 the index's words, for spelling corrections") { db in
            try SearchWords.createTable(db)
            try SearchWords.recount(db)
        }
        migrator.registerMigration("v33 synonyms keyed without the function words added to the lists") { db in
            try SearchSynonyms.rekey(db)
        }
        return migrator
    }
}
