package vn.govflow.documents;

import java.util.Arrays;
import java.util.Optional;

/**
 * Where a sent document stands at one recipient: the exchange status codes the provincial systems and the
 * national axis use (domain.md §2; the primary text of Decision 28/2018 was not found, the implementations agree).
 */
public enum DeliveryStatus {
  ARRIVED("01", "Đã đến", "Arrived"),
  REFUSED("02", "Từ chối tiếp nhận", "Refused"),
  RECEIVED("03", "Đã tiếp nhận, vào sổ", "Received and registered"),
  ASSIGNED("04", "Đã phân công", "Assigned"),
  IN_PROGRESS("05", "Đang xử lý", "In progress"),
  DONE("06", "Hoàn thành", "Done"),
  RECALLED("13", "Yêu cầu thu hồi", "Recall requested"),
  RECALL_ACCEPTED("15", "Đã thu hồi", "Recall accepted");

  private final String code;
  private final String nameVi;
  private final String nameEn;

  DeliveryStatus(String code, String nameVi, String nameEn) {
    this.code = code;
    this.nameVi = nameVi;
    this.nameEn = nameEn;
  }

  public String code() { return code; }
  public String nameVi() { return nameVi; }
  public String nameEn() { return nameEn; }

  public static Optional<DeliveryStatus> byCode(String code) {
    return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
  }
}
