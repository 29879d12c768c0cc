import Hummingbird
import HummingbirdTesting
import LoreCore
import Testing
@testable import LoreWeb

/// A reader allowed into a subcategory but not into its parent sees the subcategory as if it
/// stood at the top: no address, breadcrumb, search match or API answer names the parent.
@Suite struct HiddenParentTests {
    static let parentTitle = "Zephyrvault"
    static let parentSlug = "zephyrvault"

    @Test func aCategoryUnderAHiddenParentStandsAtTheTop() async throws {
        let app = try await buildApplication(PermissionTableTests.arguments())
        try await app.test(.router) { client in
            let admin = try await Browser.signIn(client, login: "admin", password: TestApp.adminPassword)
            let ivan = try await Browser.signIn(client, login: "ivan", password: LeakTests.demoPassword)
            #expect(try await admin.postForm("/categories/new", [("title", Self.parentTitle), ("slug", Self.parentSlug), ("parent", ""),
                                                               ("description", "")]).status == .seeOther)
            var ids = try await PermissionTableTests.categoryIds(admin)
            let parent = try #require(ids[Self.parentTitle])
            #expect(try await admin.postForm("/categories/new", [("title", "Price list"), ("slug", "price-list"), ("parent", parent),
                                                               ("description", "")]).status == .seeOther)
            ids = try await PermissionTableTests.categoryIds(admin)
            let child = try #require(ids["Price list"])
            let employee = try #require(ids["role Employee"])
            #expect(try await admin.postForm("/admin/access/\(parent)", [("role-\(employee)", "none")]).status == .seeOther)
            #expect(try await admin.postForm("/admin/access/\(child)", [("role-\(employee)", "read")]).status == .seeOther)
            let created = try await admin.postForm("/new", EditingRoutesTests.articleFields(
                title: "Prices for 2027", slug: "prices-2027", category: child, body: "Our prices.", base: ""))
            #expect(created.status == .seeOther)

            // The administrator sees the real place.
            #expect(try await admin.get("/c/\(Self.parentSlug)/price-list").status == .ok)

            // Ivan: the subcategory at the top, under its own address.
            #expect(try await ivan.get("/c/\(Self.parentSlug)/price-list").status == .notFound)
            #expect(try await ivan.get("/c/\(Self.parentSlug)").status == .notFound)
            let page = try await ivan.get("/c/price-list")
            #expect(page.status == .ok)
            #expect(page.text.contains("Prices for 2027"))
            for path in ["/c/price-list", "/a/prices-2027", "/a/prices-2027/history", "/", "/changes", "/search?q=prices"] {
                let text = try await ivan.get(path).text
                #expect(!text.lowercased().contains(Self.parentSlug), "\(path) names the hidden parent")
            }
            // Searching for the parent's title finds nothing through its children.
            let search = try await ivan.get("/search?q=\(Self.parentSlug)").text
            #expect(!search.contains("Prices for 2027"))
            #expect(try await admin.get("/search?q=\(Self.parentSlug)").text.contains("Prices for 2027") == false,
                    "the child has grants of its own, so even readers of both do not find it by the parent's title")

            let api = try await ApiCaller.make(ivan)
            let categories = try await api.get("/api/v1/categories").text
            #expect(!categories.lowercased().contains(Self.parentSlug))
            #expect(categories.contains("\"path\":\"price-list\""))
            let article = try await api.get("/api/v1/articles/prices-2027").text
            #expect(!article.lowercased().contains(Self.parentSlug))
        }
    }
}
