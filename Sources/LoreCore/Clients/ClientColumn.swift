/// A column of a client spreadsheet, as exported and as recognised on import: a field of the
/// card, or of the person a row carries.
public struct ClientColumn: Hashable, Sendable {
    public let key: String
    public let ofContact: Bool

    /// How forms and problem lists name the column.
    public var rawValue: String { ofContact ? "contact:" + key : key }
}

extension ClientColumn {
    public static func client(_ key: String) -> ClientColumn { ClientColumn(key: key, ofContact: false) }
    public static func contact(_ key: String) -> ClientColumn { ClientColumn(key: key, ofContact: true) }
}
