package vn.govflow.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.govflow.support.MailH2IntegrationTest;

/**
 * Each closed report period (seed 003 Art 32.1) reaches the provincial office's mailbox once, with the report
 * attached as XLSX. Mail is on and the office's address is configured (see MailH2IntegrationTest).
 */
class PortalReportSendingIsolatedTest extends MailH2IntegrationTest {
  static final String OFFICE = REPORT_OFFICE;

  @RegisterExtension
  static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));

  void insert(String received, String status, String answered) {
    bean(JdbcTemplate.class).update("INSERT INTO portal_question(id, tracking_code, asker_type, field, question,"
            + " consent, foreigner, received_at, due_at, status, answering_agency, answered_at) VALUES"
            + " (?, ?, 'INDIVIDUAL', 'khac', 'Câu hỏi gửi báo cáo', TRUE, FALSE, ?, ?, ?, '000.00.12.H37', ?)",
        UUID.randomUUID().toString(), "HD-2025-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(),
        OffsetDateTime.parse(received), OffsetDateTime.parse(received).plusDays(7), status,
        answered == null ? null : OffsetDateTime.parse(answered));
  }

  static List<MimeMessage> toOffice() throws Exception {
    List<MimeMessage> found = new ArrayList<>();
    for (MimeMessage m : smtp.getReceivedMessages()) {
      if (m.getAllRecipients()[0].toString().equals(OFFICE)) {
        found.add(m);
      }
    }
    return found;
  }

  @Test
  void eachClosedPeriodIsSentOnceWithItsReport() throws Exception {
    // September 2025's report (26/08 – 25/09): the 25th at 16:00 is in it, the 26th is not.
    insert("2025-09-25T16:00:00+07:00", "IN_PROGRESS", null);
    insert("2025-09-26T09:00:00+07:00", "IN_PROGRESS", null);
    insert("2025-09-03T09:00:00+07:00", "ANSWERED", "2025-09-04T12:30:00+07:00");

    PortalReportSending sending = bean(PortalReportSending.class);
    // On the 25th nothing of September has closed yet: August, quarter 2 and the year 2024 go.
    assertThat(sending.sendClosed(LocalDate.of(2025, 9, 25))).containsExactly("2025-08", "2025-Q2", "2024");
    // The night after the cut-off: September and quarter 3; the year 2024 went already.
    assertThat(sending.sendClosed(LocalDate.of(2025, 9, 26))).containsExactly("2025-09", "2025-Q3");
    // Every later run finds them sent.
    assertThat(sending.sendClosed(LocalDate.of(2025, 9, 26))).isEmpty();
    assertThat(sending.sendClosed(LocalDate.of(2025, 10, 3))).isEmpty();

    List<MimeMessage> mails = toOffice();
    assertThat(mails).hasSize(5);
    MimeMessage september = mails.stream().filter(m -> subject(m).contains("Tháng 9/2025")).findFirst()
        .orElseThrow();
    assertThat(subject(september)).isEqualTo("Báo cáo Hỏi – Đáp Tháng 9/2025 (26/08/2025 – 25/09/2025)");
    StringBuilder text = new StringBuilder();
    java.util.Map<String, byte[]> attached = new java.util.HashMap<>();
    collect((Multipart) september.getContent(), text, attached);
    byte[] xlsx = attached.get("hoi-dap-2025-09.xlsx");
    assertThat(text.toString()).contains("Đã nhận: 2").contains("Trả lời đúng hạn: 1").contains("26/08/2025 – 25/09/2025");
    assertThat(xlsx).isNotNull();
    try (XSSFWorkbook wb = new XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
      assertThat(wb.getSheetAt(0).getRow(0).getCell(0).getStringCellValue())
          .isEqualTo("BÁO CÁO HỎI – ĐÁP THÁNG 9/2025 (26/08/2025 – 25/09/2025)");
      Row skhcn = null;
      for (Row r : wb.getSheetAt(0)) {
        if (r.getCell(1) != null && "000.00.12.H37".equals(r.getCell(1).getStringCellValue())) {
          skhcn = r;
        }
      }
      assertThat(skhcn).isNotNull();
      assertThat(skhcn.getCell(2).getNumericCellValue()).isEqualTo(2);
      // Received Wed 03/09 09:00: counting starts Thu 04/09 08:00; answered 12:30 = 0.5 working day.
      assertThat(skhcn.getCell(6).getNumericCellValue()).isEqualTo(0.5);
    }
  }

  /** The message's text and its attachments by file name, through nested multiparts. */
  static void collect(Multipart parts, StringBuilder text, java.util.Map<String, byte[]> attached) throws Exception {
    for (int i = 0; i < parts.getCount(); i++) {
      BodyPart p = parts.getBodyPart(i);
      if (p.getFileName() != null) {
        try (InputStream in = p.getInputStream()) {
          attached.put(p.getFileName(), in.readAllBytes());
        }
      } else if (p.getContent() instanceof Multipart inner) {
        collect(inner, text, attached);
      } else if (p.getContent() instanceof String s) {
        text.append(s);
      }
    }
  }

  static String subject(MimeMessage m) {
    try {
      return m.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
