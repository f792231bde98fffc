package vn.govflow.benchmark;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import vn.govflow.documents.DocumentType;
import vn.govflow.incoming.FoldingAccess;

/**
 * Seeded, reproducible register rows: varied Vietnamese summaries with a skewed topic mix (some topics in a third
 * of the rows, some in a few dozen), a short body standing in for the files' extracted text, and the folded
 * {@code search_text} GovFlow would store.
 */
final class RegisterCorpus {
  static final String MARKER = "bench.seed"; // registered_by of every seeded row, for the clean-up
  static final String INSERT = "INSERT INTO inc_document(id, agency_code, reg_year, arrival_number, arrived_at,"
      + " channel, sender_agency_code, sender_name, number_symbol, document_date, document_type, summary, urgency,"
      + " page_count, recipient, note, bulky_dossier, duplicate_of, status, process_instance_id, due_at, lead_handler,"
      + " lead_department, outcome, reply_reference, forwarded_to, registered_by, on_behalf_of, registered_at,"
      + " search_text) VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, FALSE, NULL, 'DONE', NULL,"
      + " NULL, NULL, NULL, 'filed', NULL, NULL, ?, NULL, ?, ?)";

  private static final String[][] SENDERS = {
      {"Ủy ban nhân dân tỉnh Lào Cai", "UBND"}, {"Văn phòng Ủy ban nhân dân tỉnh", "VP"},
      {"Sở Tài chính", "STC"}, {"Sở Kế hoạch và Đầu tư", "SKHĐT"}, {"Sở Nội vụ", "SNV"},
      {"Sở Tài nguyên và Môi trường", "STNMT"}, {"Ủy ban nhân dân huyện Bảo Thắng", "UBND"},
      {"Ủy ban nhân dân thành phố Lào Cai", "UBND"}, {"Bộ Khoa học và Công nghệ", "BKHCN"},
      {"Sở Nông nghiệp và Phát triển nông thôn", "SNN"}, {"Công an tỉnh", "CAT"},
      {"Sở Thông tin và Truyền thông", "STTTT"}, {"Ủy ban nhân dân huyện Sa Pa", "UBND"},
      {"Sở Giáo dục và Đào tạo", "SGDĐT"}, {"Sở Y tế", "SYT"}, {"Kho bạc Nhà nước tỉnh", "KBNN"}};
  private static final String[] PREFIXES = {"Về việc ", "V/v ", ""};
  private static final String[] ACTIONS = {"triển khai", "báo cáo tình hình", "đề nghị phối hợp", "góp ý dự thảo",
      "hướng dẫn thực hiện", "tổ chức hội nghị về", "kiểm tra", "tăng cường công tác", "xin ý kiến về",
      "giao nhiệm vụ", "đôn đốc thực hiện", "tổng kết"};
  /** Most frequent first: topic i is drawn with a skewed (cubic) distribution. */
  private static final String[] TOPICS = {"cải cách hành chính", "chuyển đổi số", "kế hoạch công tác",
      "ứng dụng công nghệ thông tin", "thi đua khen thưởng", "quyết toán ngân sách", "đầu tư công",
      "dịch vụ công trực tuyến", "an toàn thông tin mạng", "chữ ký số", "tuyển dụng viên chức",
      "đề tài khoa học cấp tỉnh", "tiêu chuẩn đo lường chất lượng", "sở hữu trí tuệ", "phòng chống thiên tai",
      "an toàn thực phẩm", "phòng cháy chữa cháy", "khởi nghiệp đổi mới sáng tạo", "công trình thủy lợi nội đồng",
      "an toàn bức xạ hạt nhân", "quản lý khoáng sản", "chuyển giao công nghệ sinh học"};
  private static final String[] TAILS = {" năm %d", " quý %d/%d", " trên địa bàn tỉnh", "", " giai đoạn 2021-2025"};
  private static final String[] BODY = {
      "Thực hiện chỉ đạo của cấp trên, cơ quan đề nghị các đơn vị nghiêm túc triển khai.",
      "Đề nghị quý cơ quan phối hợp, gửi báo cáo về đơn vị đầu mối đúng thời hạn.",
      "Trong quá trình thực hiện nếu có vướng mắc, đề nghị phản ánh kịp thời để tổng hợp.",
      "Văn bản này thay thế các văn bản trước đây có nội dung trái với quy định hiện hành.",
      "Các đơn vị căn cứ chức năng, nhiệm vụ được giao chủ động xây dựng kế hoạch chi tiết.",
      "Kinh phí thực hiện từ nguồn ngân sách nhà nước theo phân cấp hiện hành.",
      "Giao văn phòng theo dõi, đôn đốc và tổng hợp kết quả thực hiện.",
      "Nơi nhận: như trên; lưu văn thư."};
  /** A term present in only a few dozen rows. */
  static final String RARE = "khai thác đất hiếm";

  private final Random random = new Random(20260301);
  private final String agencyCode;
  private final int firstYear;
  private final int perYear;

  RegisterCorpus(String agencyCode, int firstYear, int perYear) {
    this.agencyCode = agencyCode;
    this.firstYear = firstYear;
    this.perYear = perYear;
  }

  /** Row i (0-based) as the parameters of {@link #INSERT}. */
  Object[] row(int i) {
    int year = firstYear + i / perYear;
    long number = i % perYear + 1;
    OffsetDateTime arrived = OffsetDateTime.of(year, 1, 2, 1, 0, 0, 0, ZoneOffset.UTC)
        .plusMinutes((long) (number * (360.0 * 24 * 60 / perYear)));
    String[] sender = SENDERS[random.nextInt(SENDERS.length)];
    DocumentType type = random.nextInt(3) == 0 ? DocumentType.CONG_VAN
        : DocumentType.values()[random.nextInt(DocumentType.values().length)];
    String symbol = number + "/" + (type.abbreviation().isEmpty() ? "" : type.abbreviation() + "-") + sender[1];
    String topic = i % 2000 == 1999 ? RARE : TOPICS[(int) (TOPICS.length * Math.pow(random.nextDouble(), 3))];
    String tail = String.format(TAILS[random.nextInt(TAILS.length)], year, 1 + random.nextInt(4), year)
        .replace(" quý " + year, " năm " + year);
    String summary = PREFIXES[random.nextInt(PREFIXES.length)] + ACTIONS[random.nextInt(ACTIONS.length)] + " "
        + topic + tail;
    StringBuilder body = new StringBuilder();
    for (int s = 0; s < 6; s++) {
      body.append(' ').append(BODY[random.nextInt(BODY.length)]);
    }
    String typeAndSummary = type.nameVi() + ": " + summary;
    // As IncomingSearchText.of: number, sender, type and summary, recipient, note, "so den N", file text.
    String searchText = FoldingAccess.fold(String.join(" ", symbol, sender[0], typeAndSummary, "", "",
        "so den " + number) + body);
    LocalDate documentDate = arrived.toLocalDate().minusDays(1 + random.nextInt(5));
    String urgency = random.nextInt(10) == 0 ? "khan" : "thuong";
    return new Object[] {UUID.randomUUID().toString(), agencyCode, year, number, arrived,
        random.nextBoolean() ? "ELECTRONIC" : "PAPER", sender[0], symbol, documentDate, type.code(), summary,
        urgency, 1 + random.nextInt(20), MARKER, arrived.plusHours(1), searchText};
  }

  List<Object[]> rows(int from, int to) {
    List<Object[]> out = new ArrayList<>(to - from);
    for (int i = from; i < to; i++) {
      out.add(row(i));
    }
    return out;
  }
}
