package vn.govflow.incoming;

import java.util.Arrays;
import java.util.Optional;

/** The 29 administrative document types of Decree 30/2020 Art 7, abbreviations per Appendix III §I. */
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

  public static Optional<DocumentType> byCode(String code) {
    return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst();
  }
}
