package vn.govflow.portal;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.govflow.audit.AuditService;
import vn.govflow.notify.MailOnce;

/**
 * Sends each closed report period (month, quarter, year; seed 003 Art 32.1: "đồng thời gửi Văn phòng UBND tỉnh")
 * to the provincial office's address, the report attached as XLSX, once per period: the mail_sent mark of
 * {@link MailOnce} is the record that it went. Off until {@code govflow.portal.report.send-to} is set and a mail
 * server is configured.
 */
@Component
class PortalReportSending {
  private static final Logger log = LoggerFactory.getLogger(PortalReportSending.class);
  /** The mark's kind; the mark's case is the period's code (2026-11, 2026-Q4, 2026). */
  static final String KIND = "PORTAL_REPORT";

  private final PortalReport report;
  private final MailOnce mailOnce;
  private final ObjectProvider<JavaMailSender> sender;
  private final AuditService audit;
  private final String sendTo;
  private final String from;

  PortalReportSending(PortalReport report, MailOnce mailOnce, ObjectProvider<JavaMailSender> sender,
                      AuditService audit, @Value("${govflow.portal.report.send-to:}") String sendTo,
                      @Value("${govflow.notify.mail-from:GovFlow <no-reply@localhost>}") String from) {
    this.report = report;
    this.mailOnce = mailOnce;
    this.sender = sender;
    this.audit = audit;
    this.sendTo = sendTo == null ? "" : sendTo.strip();
    this.from = from;
  }

  /** Every hour by default: a period is sent in the first run after its cut-off (the night of the 25th). */
  @Scheduled(cron = "${govflow.portal.report.send-cron:0 5 * * * *}", zone = "${govflow.calendar.zone:Asia/Ho_Chi_Minh}")
  void scheduled() {
    try {
      sendClosed(report.today());
    } catch (RuntimeException e) {
      // The next run tries again; the mark says which periods went.
      log.warn("Could not send the Q&A report to the provincial office: {}", e.toString());
    }
  }

  /**
   * Sends the latest closed month, quarter and year, each unless already sent; returns the codes of the periods
   * sent now. Nothing when no address or no mail server is configured.
   */
  List<String> sendClosed(LocalDate today) {
    List<String> sent = new ArrayList<>();
    if (sendTo.isEmpty() || sender.getIfAvailable() == null) {
      return sent;
    }
    for (ReportPeriod.Kind kind : ReportPeriod.Kind.values()) {
      ReportPeriod period = ReportPeriod.lastClosed(kind, today);
      MailOnce.Result r = mailOnce.send(period.code(), KIND, messageId -> send(period, messageId));
      if (!r.alreadySent()) {
        sent.add(period.code());
        audit.recordWithoutAddress("portal.report.sent", "portal-report", period.code(), sendTo);
      }
    }
    return sent;
  }

  private void send(ReportPeriod period, String messageId) {
    PortalReport.Summary summary = report.summary(period, null);
    ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
    try {
      report.xlsx(period, summary.lines(), xlsx);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    PortalReport.Line t = summary.total();
    String body = "Kính gửi Văn phòng Ủy ban nhân dân tỉnh,\n\n"
        + "Báo cáo tình hình trả lời câu hỏi trên chuyên mục Hỏi – Đáp " + period.name(false).toLowerCase(
            java.util.Locale.forLanguageTag("vi")) + ", số liệu từ " + period.days()
        + " (Quy chế Cổng thông tin điện tử tỉnh, Điều 32), chi tiết theo từng cơ quan trong tệp đính kèm.\n\n"
        + "Đã nhận: " + t.received() + "\nTrả lời đúng hạn: " + t.answeredOnTime() + "\nTrả lời quá hạn: "
        + t.answeredLate() + "\nChưa trả lời, quá hạn: " + t.openOverdue()
        + "\nSố ngày làm việc trung bình để trả lời: " + (t.averageWorkingDays() == null ? "—"
            : String.valueOf(t.averageWorkingDays()).replace('.', ','))
        + "\n\nThư này được gửi tự động từ GovFlow.\n";
    JavaMailSender mail = sender.getObject();
    try {
      MimeMessage m = mail.createMimeMessage();
      MimeMessageHelper h = new MimeMessageHelper(m, true, "UTF-8");
      h.setFrom(from);
      h.setTo(sendTo.split("\\s*,\\s*"));
      h.setSubject("Báo cáo Hỏi – Đáp " + period.name(false) + " (" + period.days() + ")");
      h.setText(body, false);
      h.addAttachment("hoi-dap-" + period.code() + ".xlsx", new ByteArrayResource(xlsx.toByteArray()),
          PortalReport.XLSX);
      m.setHeader("Message-ID", messageId);
      mail.send(m);
    } catch (MessagingException e) {
      throw new IllegalStateException("Could not build the report e-mail for " + period.code(), e);
    }
  }
}
