import LoreCore

/// Writes a record's schema fields into an API object: text as strings, tags as a list, the
/// fields administrators added inside `custom`. A user field is left to the caller, which
/// writes the person as an object.
enum ApiSchemaFields {
    static func encode<Record>(_ record: Record, _ fields: [SchemaField<Record>], into container: inout KeyedEncodingContainer<AnyKey>) throws {
        var custom: [String: String] = [:]
        for field in fields {
            let value = field.value(of: record)
            if let key = field.customKey {
                custom[key] = value
            } else if field.kind == .tags {
                try container.encode(ContactFormat.list(value), forKey: AnyKey(field.key))
            } else if field.kind != .user {
                try container.encode(value, forKey: AnyKey(field.key))
            }
        }
        try container.encode(custom, forKey: AnyKey("custom"))
    }
}
