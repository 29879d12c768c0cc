import Foundation
import Hummingbird
import LoreCore

/// The client list's filters, order and page as they travel in the address, so that a filtered
/// list can be bookmarked, paged through and exported exactly as shown.
struct ClientListQuery {
    private(set) var filter = ClientFilter()
    private(set) var page = 1
    /// `recent-N` or `quiet-N` (days), as the last-contact filter is written in the address.
    private(set) var lastContactValue = ""

    static let lastContactDays = [7, 30, 90]

    /// `schema` says which fields administrators added, each a filter (`f.<key>=value`).
    init(_ parameters: Parameters, schema: ClientSchema) {
        func value(_ name: String) -> String? {
            parameters.get(name).map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
        }
        filter.text = value("q").map { String($0.prefix(200)) }
        filter.status = value("status").flatMap(ClientStatus.init(rawValue:))
        filter.segment = value("segment")
        filter.managerId = Int64(request: value("manager"), in: .filterIds)
        filter.tag = value("tag")
        filter.rfm = value("rfm").flatMap(ClientAnalysis.Segment.init(rawValue:))
        filter.abc = value("abc").flatMap(ClientAnalysis.ABC.init(rawValue:))
        filter.custom = schema.client.compactMap { field in
            guard let key = field.customKey, let wanted = value(Self.parameter(key)) else { return nil }
            return ClientFilter.FieldMatch(key: key, value: String(wanted.prefix(200)), exact: field.kind.filtersExactly)
        } + schema.contact.compactMap { field in
            guard let key = field.customKey, let wanted = value(Self.parameter(key, ofContact: true)) else { return nil }
            return ClientFilter.FieldMatch(key: key, value: String(wanted.prefix(200)), exact: field.kind.filtersExactly, ofContact: true)
        }
        if let contact = value("contact"), let days = Int(request: contact.split(separator: "-").last, in: 1...3650) {
            if contact.hasPrefix("recent-") { filter.lastContact = .within(days: days) }
            if contact.hasPrefix("quiet-") { filter.lastContact = .notWithin(days: days) }
            if filter.lastContact != nil { lastContactValue = contact }
        }
        filter.sort = value("sort").flatMap(ClientFilter.Sort.init(rawValue:)) ?? .name
        filter.descending = value("order") == "desc"
        // The list's form carries filters as well: a page out of range shows the first, filters kept.
        page = (try? PageNumber.parse(value("page"))) ?? 1
    }

    /// The address's name for a custom field's filter: `f.<key>` for the card's, `fc.<key>` for its people's.
    static func parameter(_ key: String, ofContact: Bool = false) -> String { (ofContact ? "fc." : "f.") + key }

    static func lastContactChoices(_ selected: String, t: Translations) -> [Choice] {
        [Choice(value: "", label: t["clients_any_contact"], selected: selected.isEmpty)]
            + lastContactDays.map { days in
                Choice(value: "recent-\(days)", label: t.format("clients_contacted_within", ["n": String(days)]), selected: selected == "recent-\(days)")
            }
            + lastContactDays.map { days in
                Choice(value: "quiet-\(days)", label: t.format("clients_not_contacted", ["n": String(days)]), selected: selected == "quiet-\(days)")
            }
    }

    func url(path: String = "/clients", sort: ClientFilter.Sort? = nil, descending: Bool? = nil, page: Int? = nil) -> String {
        var items: [URLQueryItem] = []
        func add(_ name: String, _ value: String?) {
            if let value, !value.isEmpty { items.append(URLQueryItem(name: name, value: value)) }
        }
        add("q", filter.text)
        add("status", filter.status?.rawValue)
        add("segment", filter.segment)
        add("manager", filter.managerId.map(String.init))
        add("tag", filter.tag)
        add("rfm", filter.rfm?.rawValue)
        add("abc", filter.abc?.rawValue)
        add("contact", lastContactValue)
        for match in filter.custom { add(Self.parameter(match.key, ofContact: match.ofContact), match.value) }
        let sort = sort ?? filter.sort
        if sort != .name { add("sort", sort.rawValue) }
        if descending ?? filter.descending { add("order", "desc") }
        if let page, page > 1 { add("page", String(page)) }
        var components = URLComponents()
        components.path = path
        components.queryItems = items.isEmpty ? nil : items
        return components.string ?? path
    }
}
