import Hummingbird
import LoreCore

/// The fields of client cards and of the people on them, built-in and added, so that a program
/// knows what `custom` may hold before it writes a card.
struct ApiClientFieldsController {
    let services: AppServices

    struct Field: Encodable, Sendable {
        struct Label: Encodable, Sendable {
            let ru: String
            let en: String
        }

        let key: String
        let label: Label
        let kind: String
        /// Added by an administrator: the value travels inside `custom`, under this key.
        let custom: Bool
        @Null var choices: [String]?

        init<Record>(_ field: SchemaField<Record>) {
            key = field.customKey ?? field.key
            label = Label(ru: field.label.ru, en: field.label.english)
            kind = field.kind.name
            custom = field.isCustom
            choices = field.kind.choices
        }
    }

    struct Fields: Encodable, Sendable {
        let client: [Field]
        let contact: [Field]
    }

    func addRoutes(to router: some RouterMethods<AppRequestContext>) {
        router.get("/api/v1/client-fields", use: list)
    }

    @Sendable func list(request: Request, context: AppRequestContext) async throws -> Response {
        try AccessPolicy(context.requirePrincipal()).requireClients()
        let schema = try await services.clientQueries.schema()
        return try ApiJSON.response(Fields(client: schema.client.map(Field.init), contact: schema.contact.map(Field.init)), request: request)
    }
}
