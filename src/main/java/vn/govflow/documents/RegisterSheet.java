package vn.govflow.documents;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A document register (sổ đăng ký, Decree 30/2020 Appendix IV) as an XLSX sheet, the same for incoming and outgoing
 * documents: the title, the period, the form's column headers with their numbers "(1)"…"(10)" below, then one row
 * a document. Each module gives its columns; rows stream to the output, so a year of documents does not sit in
 * memory.
 *
 * @param <T> a row of the module's register
 */
public final class RegisterSheet<T> {
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  /**
   * One column of the form: its header, its width in characters, whether its text wraps, and the cell of a row
   * (a number is written as a number, anything else as text, null as an empty cell).
   */
  public record Column<T>(String header, int width, boolean wrap, Function<T, Object> value) {}

  /** The rows of the register, given in book order to the sink (page by page, say). */
  @FunctionalInterface
  public interface Rows<T> {
    void each(Consumer<T> sink);
  }

  private final String sheetName;
  private final List<Column<T>> columns;

  public RegisterSheet(String sheetName, List<Column<T>> columns) {
    this.sheetName = sheetName;
    this.columns = List.copyOf(columns);
  }

  public static <T> Column<T> text(String header, int width, Function<T, Object> value) {
    return new Column<>(header, width, false, value);
  }

  public static <T> Column<T> wrapped(String header, int width, Function<T, Object> value) {
    return new Column<>(header, width, true, value);
  }

  /** "Ký nhận": signed by hand on the printed register, empty in the file. */
  public static <T> Column<T> signedByHand(String header, int width) {
    return new Column<>(header, width, false, row -> "");
  }

  public List<String> headers() {
    return columns.stream().map(Column::header).toList();
  }

  /** dd/MM/yyyy, or empty. */
  public static String date(LocalDate d) {
    return d == null ? "" : DATE.format(d);
  }

  public void write(String title, LocalDate from, LocalDate to, Rows<T> rows, OutputStream out) throws IOException {
    try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
      Sheet sheet = wb.createSheet(sheetName);
      CellStyle bold = wb.createCellStyle();
      Font font = wb.createFont();
      font.setBold(true);
      bold.setFont(font);
      CellStyle wrap = wb.createCellStyle();
      wrap.setWrapText(true);
      Row titleRow = sheet.createRow(0);
      titleRow.createCell(0).setCellValue(title);
      titleRow.getCell(0).setCellStyle(bold);
      sheet.createRow(1).createCell(0).setCellValue("Từ ngày " + date(from) + " đến ngày " + date(to));
      Row header = sheet.createRow(3);
      Row numbers = sheet.createRow(4);
      for (int i = 0; i < columns.size(); i++) {
        header.createCell(i).setCellValue(columns.get(i).header());
        header.getCell(i).setCellStyle(bold);
        numbers.createCell(i).setCellValue("(" + (i + 1) + ")");
      }
      int[] next = {5};
      rows.each(row -> {
        Row x = sheet.createRow(next[0]++);
        for (int i = 0; i < columns.size(); i++) {
          Column<T> c = columns.get(i);
          Object v = c.value().apply(row);
          if (v instanceof Number n) {
            x.createCell(i).setCellValue(n.doubleValue());
          } else {
            x.createCell(i).setCellValue(v == null ? "" : v.toString());
          }
          if (c.wrap()) {
            x.getCell(i).setCellStyle(wrap);
          }
        }
      });
      for (int i = 0; i < columns.size(); i++) {
        sheet.setColumnWidth(i, columns.get(i).width() * 256);
      }
      wb.write(out);
      wb.dispose();
    }
  }
}
