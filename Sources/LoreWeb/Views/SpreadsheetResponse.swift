import Foundation
import Hummingbird
import LoreCore

/// An exported client list as a download: CSV or an Excel workbook, never cached.
enum SpreadsheetResponse {
    static func make(_ data: Data, xlsx: Bool) -> Response {
        let name = "clients-\(DayDate(Date()).iso).\(xlsx ? "xlsx" : "csv")"
        return Response(status: .ok, headers: [
            .contentType: xlsx ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv; charset=utf-8",
            .contentDisposition: "attachment; filename=\"\(name)\"", .cacheControl: "private, no-store",
        ], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
