package vn.govflow.incoming;

import static vn.govflow.incoming.Text.nz;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import vn.govflow.identity.CurrentUser;

/**
 * The register (sổ đăng ký văn bản đến) of a date range as an XLSX workbook with the ten columns of Decree
 * 30/2020 Appendix IV §VI. Rows stream to the output, so a year of documents does not sit in memory.
 */
@Component
class RegisterExport {
  static final String[] HEADERS = {"Ngày đến", "Số đến", "Tác giả", "Số, ký hiệu văn bản", "Ngày tháng văn bản",
      "Tên loại và trích yếu nội dung", "Đơn vị hoặc người nhận", "Ngày chuyển", "Ký nhận", "Ghi chú"};
  static final int PAGE = 1000;
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

  private final RegisterQueries registerQueries;
  private final ZoneId zone;

  RegisterExport(RegisterQueries registerQueries, @Value("${govflow.time-zone:Asia/Ho_Chi_Minh}") String zone) {
    this.registerQueries = registerQueries;
    this.zone = ZoneId.of(zone);
  }

  void write(CurrentUser viewer, String agencyName, LocalDate from, LocalDate to, OutputStream out) throws IOException {
    try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
      Sheet sheet = wb.createSheet("So van ban den");
      CellStyle bold = wb.createCellStyle();
      Font font = wb.createFont();
      font.setBold(true);
      bold.setFont(font);
      CellStyle wrap = wb.createCellStyle();
      wrap.setWrapText(true);
      Row title = sheet.createRow(0);
      title.createCell(0).setCellValue("SỔ ĐĂNG KÝ VĂN BẢN ĐẾN – " + agencyName);
      title.getCell(0).setCellStyle(bold);
      sheet.createRow(1).createCell(0).setCellValue("Từ ngày " + DATE.format(from) + " đến ngày " + DATE.format(to));
      Row header = sheet.createRow(3);
      for (int i = 0; i < HEADERS.length; i++) {
        header.createCell(i).setCellValue(HEADERS[i]);
        header.getCell(i).setCellStyle(bold);
      }
      Row numbers = sheet.createRow(4);
      for (int i = 0; i < HEADERS.length; i++) {
        numbers.createCell(i).setCellValue("(" + (i + 1) + ")");
      }
      int r = 5;
      for (int page = 0; ; page++) {
        RegisterQueries.Page p = registerQueries.registerAscending(viewer, from, to, page, PAGE);
        for (RegisterQueries.RegisterRow row : registerQueries.rows(p.items())) {
          Row x = sheet.createRow(r++);
          x.createCell(0).setCellValue(dateTime(row.arrivedAt()));
          x.createCell(1).setCellValue(row.arrivalNumber());
          x.createCell(2).setCellValue(nz(row.sender()));
          x.createCell(3).setCellValue(nz(row.numberSymbol()));
          x.createCell(4).setCellValue(row.documentDate() == null ? "" : DATE.format(row.documentDate()));
          x.createCell(5).setCellValue(nz(row.typeAndSummary()));
          x.getCell(5).setCellStyle(wrap);
          x.createCell(6).setCellValue(nz(row.recipient()));
          x.createCell(7).setCellValue(dateTime(row.forwardedAt()));
          x.createCell(8).setCellValue(""); // ký nhận: signed by hand on the printed register (App IV §VI)
          x.createCell(9).setCellValue(nz(row.note()));
        }
        if (p.items().size() < PAGE) {
          break;
        }
      }
      int[] widths = {16, 8, 28, 18, 12, 60, 24, 16, 20, 24};
      for (int i = 0; i < widths.length; i++) {
        sheet.setColumnWidth(i, widths[i] * 256);
      }
      wb.write(out);
      wb.dispose();
    }
  }

  private String dateTime(OffsetDateTime t) {
    return t == null ? "" : DATE_TIME.format(t.atZoneSameInstant(zone));
  }

  static List<String> headers() {
    return List.of(HEADERS);
  }
}
