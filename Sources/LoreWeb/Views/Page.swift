/// What every template renders: the page's own view model in `content`, and around it the
/// language, its texts (`{{t.key}}`) and the chrome that the layout draws.
struct Page<Content> {
    let t: Translations
    let lang: String
    let title: String
    /// Every form sends it back as `_csrf`.
    var csrf: String
    var chrome: Chrome
    let content: Content
}

struct Chrome {
    struct LanguageOption {
        let code: String
        let label: String
        let name: String
        let current: Bool
    }

    /// The category tree's items (``SidebarHTML``), escaped already.
    var sidebar = ""
    var breadcrumbs: [Crumb] = []
    /// Nil for guests, who see a sign-in link instead.
    var userName: String?
    /// What the header offers: writing needs a signed-in user.
    var canWrite = false
    /// Anyone who may read something gets the search box.
    var canSearch = false
    /// Top-level categories are created by those who manage roles.
    var canCreateTopLevel = false
    var canManageUsers = false
    var canReadAudit = false
    var canBackUp = false
    var canSeeClients = false
    /// Shown as a banner with a way back while a user manager sees as someone else.
    var seeingAs: String?
    var languages: [LanguageOption] = []
    /// Where the language switch returns to.
    var currentPath: String = "/"
    var notice: String?
    /// "Undo" beside a notice of something just moved to the trash: where to post to restore it.
    var undoURL: String?
    /// The bell's unread count, as HTML (empty when nothing is unread); nil for guests.
    var bell: String?
}

struct Crumb {
    let title: String
    /// Nil for the page itself, the last crumb.
    let url: String?
}
