package vn.govflow.outgoing;

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

/** The outgoing register of a period as an XLSX workbook with the ten columns of Decree 30/2020 App IV §I. */
@Component
class OutgoingRegisterExport {
  static final List<String> HEADERS = List.of("Số, ký hiệu văn bản", "Ngày tháng văn bản",
      "Tên loại và trích yếu nội dung", "Người ký", "Nơi nhận văn bản", "Đơn vị, người nhận bản lưu",
      "Số lượng bản", "Ngày chuyển", "Ký nhận", "Ghi chú");
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private final ZoneId zone;

  OutgoingRegisterExport(@Value("${govflow.time-zone:Asia/Ho_Chi_Minh}") String zone) {
    this.zone = ZoneId.of(zone);
  }

  void write(String agencyName, String registerName, LocalDate from, LocalDate to,
             List<OutgoingRegisterQueries.RegisterRow> rows, OutputStream out) throws IOException {
    try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
      Sheet sheet = wb.createSheet("So van ban di");
      CellStyle bold = wb.createCellStyle();
      Font font = wb.createFont();
      font.setBold(true);
      bold.setFont(font);
      CellStyle wrap = wb.createCellStyle();
      wrap.setWrapText(true);
      Row title = sheet.createRow(0);
      title.createCell(0).setCellValue("SỔ ĐĂNG KÝ VĂN BẢN ĐI – " + agencyName
          + (registerName == null ? "" : " – " + registerName));
      title.getCell(0).setCellStyle(bold);
      sheet.createRow(1).createCell(0).setCellValue("Từ ngày " + DATE.format(from) + " đến ngày " + DATE.format(to));
      Row header = sheet.createRow(3);
      Row numbers = sheet.createRow(4);
      for (int i = 0; i < HEADERS.size(); i++) {
        header.createCell(i).setCellValue(HEADERS.get(i));
        header.getCell(i).setCellStyle(bold);
        numbers.createCell(i).setCellValue("(" + (i + 1) + ")");
      }
      int r = 5;
      for (OutgoingRegisterQueries.RegisterRow row : rows) {
        Row x = sheet.createRow(r++);
        x.createCell(0).setCellValue(nz(row.numberSymbol()));
        x.createCell(1).setCellValue(row.documentDate() == null ? "" : DATE.format(row.documentDate()));
        x.createCell(2).setCellValue(nz(row.typeAndSummary()));
        x.getCell(2).setCellStyle(wrap);
        x.createCell(3).setCellValue(nz(row.signer()));
        x.createCell(4).setCellValue(nz(row.recipients()));
        x.getCell(4).setCellStyle(wrap);
        x.createCell(5).setCellValue(nz(row.keptBy()));
        x.createCell(6).setCellValue(row.copies());
        x.createCell(7).setCellValue(date(row.sentAt()));
        x.createCell(8).setCellValue(""); // ký nhận: signed by hand on the printed register
        x.createCell(9).setCellValue(nz(row.note()));
      }
      int[] widths = {18, 12, 60, 24, 40, 28, 8, 12, 16, 30};
      for (int i = 0; i < widths.length; i++) {
        sheet.setColumnWidth(i, widths[i] * 256);
      }
      wb.write(out);
      wb.dispose();
    }
  }

  private String date(OffsetDateTime t) {
    return t == null ? "" : DATE.format(t.atZoneSameInstant(zone));
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
