package vn.govflow.identity;

/** An agency (cơ quan) with its official identifier code (mã định danh, 13 characters). */
public record Agency(String code, String shortName, String name, String nameEn, String parentCode, boolean active) {}
