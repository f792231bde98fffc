package vn.govflow.documents;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The 29 administrative document types of Decree 30/2020 Art 7, abbreviations per Appendix III §I. An incoming
 * document may be of any other kind (Art 3.6; App VI TypeName is free text): such a type is stored as the name the
 * clerk typed, and {@link #OTHER_KNOWN_NAMES} offers the usual ones for choosing (issue #13 item 6).
 */
public enum DocumentType {
  NGHI_QUYET("nghi-quyet", "NQ", "Nghị quyết"),
  QUYET_DINH("quyet-dinh", "QĐ", "Quyết định"),
  CHI_THI("chi-thi", "CT", "Chỉ thị"),
  QUY_CHE("quy-che", "QC", "Quy chế"),
  QUY_DINH("quy-dinh", "QyĐ", "Quy định"),
  THONG_CAO("thong-cao", "TC", "Thông cáo"),
  THONG_BAO("thong-bao", "TB", "Thông báo"),
  HUONG_DAN("huong-dan", "HD", "Hướng dẫn"),
  CHUONG_TRINH("chuong-trinh", "CTr", "Chương trình"),
  KE_HOACH("ke-hoach", "KH", "Kế hoạch"),
  PHUONG_AN("phuong-an", "PA", "Phương án"),
  DE_AN("de-an", "ĐA", "Đề án"),
  DU_AN("du-an", "DA", "Dự án"),
  BAO_CAO("bao-cao", "BC", "Báo cáo"),
  BIEN_BAN("bien-ban", "BB", "Biên bản"),
  TO_TRINH("to-trinh", "TTr", "Tờ trình"),
  HOP_DONG("hop-dong", "HĐ", "Hợp đồng"),
  CONG_VAN("cong-van", "", "Công văn"),
  CONG_DIEN("cong-dien", "CĐ", "Công điện"),
  BAN_GHI_NHO("ban-ghi-nho", "BGN", "Bản ghi nhớ"),
  BAN_THOA_THUAN("ban-thoa-thuan", "BTT", "Bản thỏa thuận"),
  GIAY_UY_QUYEN("giay-uy-quyen", "GUQ", "Giấy ủy quyền"),
  GIAY_MOI("giay-moi", "GM", "Giấy mời"),
  GIAY_GIOI_THIEU("giay-gioi-thieu", "GGT", "Giấy giới thiệu"),
  GIAY_NGHI_PHEP("giay-nghi-phep", "GNP", "Giấy nghỉ phép"),
  PHIEU_GUI("phieu-gui", "PG", "Phiếu gửi"),
  PHIEU_CHUYEN("phieu-chuyen", "PC", "Phiếu chuyển"),
  PHIEU_BAO("phieu-bao", "PB", "Phiếu báo"),
  THU_CONG("thu-cong", "", "Thư công");

  private final String code;
  private final String abbreviation;
  private final String nameVi;

  DocumentType(String code, String abbreviation, String nameVi) {
    this.code = code;
    this.abbreviation = abbreviation;
    this.nameVi = nameVi;
  }

  public String code() { return code; }
  public String abbreviation() { return abbreviation; }
  public String nameVi() { return nameVi; }

  /** App VI TypeName is String(100). */
  public static final int MAX_NAME_LENGTH = 100;

  /**
   * Kinds that are not among the 29 administrative types but arrive at every agency: the legal documents of the Law
   * on Promulgation of Legal Documents (Art 4) and the Party's documents (Regulation 66-QĐ/TW).
   */
  public static final List<String> OTHER_KNOWN_NAMES = List.of(
      "Hiến pháp", "Bộ luật", "Luật", "Pháp lệnh", "Lệnh", "Nghị định", "Thông tư", "Thông tư liên tịch",
      "Nghị quyết liên tịch", "Quyết định quy phạm pháp luật", "Cương lĩnh", "Điều lệ", "Kết luận", "Thông tri",
      "Quy chế (văn bản của Đảng)", "Văn bản hợp nhất");

  public static Optional<DocumentType> byCode(String code) {
    return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst();
  }

  /** Every name offered for choosing: the 29 types, then the other known kinds. */
  public static List<String> knownNames() {
    Set<String> names = new LinkedHashSet<>();
    Arrays.stream(values()).forEach(t -> names.add(t.nameVi));
    names.addAll(OTHER_KNOWN_NAMES);
    return List.copyOf(names);
  }

  /**
   * What is stored for a typed type: the code of one of the 29 types when the clerk gave its code or its name
   * (any case), so deadline tables keep matching; otherwise the typed name itself.
   */
  public static String normalise(String typed) {
    String t = typed.trim().replaceAll("\\s+", " ");
    return byCode(t).or(() -> Arrays.stream(values())
            .filter(x -> x.nameVi.toLowerCase(Locale.ROOT).equals(t.toLowerCase(Locale.ROOT))).findFirst())
        .map(DocumentType::code).orElse(t);
  }

  /** The Vietnamese name to show for a stored type: a known type's name, or the stored free text. */
  public static String nameOf(String stored) {
    return stored == null ? "" : byCode(stored).map(DocumentType::nameVi).orElse(stored);
  }
}
