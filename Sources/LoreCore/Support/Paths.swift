import Foundation

/// The site's addresses, in one place because rendered Markdown points at them too.
public enum Paths {
    public static func article(_ slug: String) -> String { "/a/\(slug)" }
    public static func category(_ path: String) -> String { "/c/\(path)" }
    public static func client(_ slug: String) -> String { "/clients/\(slug)" }

    /// An attachment: its id finds it, its name is there for people and for saving the file.
    public static func file(id: Int64, name: String) -> String {
        "/files/\(id)/" + (name.addingPercentEncoding(withAllowedCharacters: pathSegmentAllowed) ?? "file")
    }

    public static func newArticle(title: String) -> String {
        "/new?title=" + (title.addingPercentEncoding(withAllowedCharacters: queryValueAllowed) ?? "")
    }

    private static let pathSegmentAllowed: CharacterSet = {
        var set = CharacterSet.urlPathAllowed
        set.remove(charactersIn: "/?#;")
        return set
    }()

    private static let queryValueAllowed: CharacterSet = {
        var set = CharacterSet.urlQueryAllowed
        set.remove(charactersIn: "&=+#")
        return set
    }()
}
