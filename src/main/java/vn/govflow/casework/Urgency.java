package vn.govflow.casework;

import java.util.Arrays;
import java.util.Optional;

/** Độ khẩn of every case (Decree 30/2020 App I §III.2b); {@code rank} puts the most urgent first in every list. */
public enum Urgency {
  HOA_TOC("hoa-toc", "Hỏa tốc", "Flash", 0),
  THUONG_KHAN("thuong-khan", "Thượng khẩn", "Most urgent", 1),
  KHAN("khan", "Khẩn", "Urgent", 2),
  THUONG("thuong", "Thường", "Ordinary", 3);

  private final String code;
  private final String nameVi;
  private final String nameEn;
  private final int rank;

  Urgency(String code, String nameVi, String nameEn, int rank) {
    this.code = code;
    this.nameVi = nameVi;
    this.nameEn = nameEn;
    this.rank = rank;
  }

  public String code() { return code; }
  public String nameVi() { return nameVi; }
  public String nameEn() { return nameEn; }
  public int rank() { return rank; }

  /**
   * Hỏa tốc, thượng khẩn and khẩn alike are registered, presented and forwarded at once and handled at once
   * (Decree 30/2020 Art 4.2c, 23.1, 24.2): every level but the ordinary one is urgent.
   */
  public boolean urgent() {
    return this != THUONG;
  }

  public static Optional<Urgency> byCode(String code) {
    return Arrays.stream(values()).filter(u -> u.code.equals(code)).findFirst();
  }
}
