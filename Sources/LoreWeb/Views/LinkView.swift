/// A link by its title: backlinks, clients named on a page, look-alike cards, offers.
struct LinkView {
    let title: String
    let url: String
}
