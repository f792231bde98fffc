package vn.govflow.incoming;

import static vn.govflow.documents.RegisterSheet.date;
import static vn.govflow.documents.RegisterSheet.text;
import static vn.govflow.documents.RegisterSheet.wrapped;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.govflow.documents.RegisterSheet;
import vn.govflow.identity.CurrentUser;
import vn.govflow.incoming.RegisterQueries.RegisterRow;

/**
 * The register (sổ đăng ký văn bản đến) of a date range as an XLSX workbook with the ten columns of Decree
 * 30/2020 Appendix IV §VI. Rows stream to the output page by page, so a year of documents does not sit in memory.
 */
@Component
class RegisterExport {
  static final int PAGE = 1000;
  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

  private final RegisterQueries registerQueries;
  private final ZoneId zone;
  private final RegisterSheet<RegisterRow> sheet;

  RegisterExport(RegisterQueries registerQueries, @Value("${govflow.time-zone:Asia/Ho_Chi_Minh}") String zone) {
    this.registerQueries = registerQueries;
    this.zone = ZoneId.of(zone);
    this.sheet = new RegisterSheet<>("So van ban den", List.of(
        text("Ngày đến", 16, r -> dateTime(r.arrivedAt())),
        text("Số đến", 8, RegisterRow::arrivalNumber),
        text("Tác giả", 28, RegisterRow::sender),
        text("Số, ký hiệu văn bản", 18, RegisterRow::numberSymbol),
        text("Ngày tháng văn bản", 12, r -> date(r.documentDate())),
        wrapped("Tên loại và trích yếu nội dung", 60, RegisterRow::typeAndSummary),
        text("Đơn vị hoặc người nhận", 24, RegisterRow::recipient),
        text("Ngày chuyển", 16, r -> dateTime(r.forwardedAt())),
        RegisterSheet.signedByHand("Ký nhận", 20), // signed by hand on the printed register (App IV §VI)
        text("Ghi chú", 24, RegisterRow::note)));
  }

  void write(CurrentUser viewer, String agencyName, LocalDate from, LocalDate to, OutputStream out) throws IOException {
    sheet.write("SỔ ĐĂNG KÝ VĂN BẢN ĐẾN – " + agencyName, from, to, sink -> {
      for (int page = 0; ; page++) {
        RegisterQueries.Page p = registerQueries.registerAscending(viewer, from, to, page, PAGE);
        registerQueries.rows(p.items()).forEach(sink);
        if (p.items().size() < PAGE) {
          break;
        }
      }
    }, out);
  }

  private String dateTime(OffsetDateTime t) {
    return t == null ? "" : DATE_TIME.format(t.atZoneSameInstant(zone));
  }
}
