package vn.govflow.outgoing;

import static vn.govflow.documents.RegisterSheet.date;
import static vn.govflow.documents.RegisterSheet.text;
import static vn.govflow.documents.RegisterSheet.wrapped;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.govflow.documents.RegisterSheet;
import vn.govflow.outgoing.OutgoingRegisterQueries.RegisterRow;

/** The outgoing register of a period as an XLSX workbook with the ten columns of Decree 30/2020 App IV §I. */
@Component
class OutgoingRegisterExport {
  private final ZoneId zone;
  private final RegisterSheet<RegisterRow> sheet;

  OutgoingRegisterExport(@Value("${govflow.time-zone:Asia/Ho_Chi_Minh}") String zone) {
    this.zone = ZoneId.of(zone);
    this.sheet = new RegisterSheet<>("So van ban di", List.of(
        text("Số, ký hiệu văn bản", 18, RegisterRow::numberSymbol),
        text("Ngày tháng văn bản", 12, r -> date(r.documentDate())),
        wrapped("Tên loại và trích yếu nội dung", 60, RegisterRow::typeAndSummary),
        text("Người ký", 24, RegisterRow::signer),
        wrapped("Nơi nhận văn bản", 40, RegisterRow::recipients),
        text("Đơn vị, người nhận bản lưu", 28, RegisterRow::keptBy),
        text("Số lượng bản", 8, RegisterRow::copies),
        text("Ngày chuyển", 12, r -> day(r.sentAt())),
        RegisterSheet.signedByHand("Ký nhận", 16),
        text("Ghi chú", 30, RegisterRow::note)));
  }

  void write(String agencyName, String registerName, LocalDate from, LocalDate to, List<RegisterRow> rows,
             OutputStream out) throws IOException {
    sheet.write("SỔ ĐĂNG KÝ VĂN BẢN ĐI – " + agencyName + (registerName == null ? "" : " – " + registerName), from,
        to, rows::forEach, out);
  }

  private String day(OffsetDateTime t) {
    return t == null ? "" : date(t.atZoneSameInstant(zone).toLocalDate());
  }
}
