package vn.govflow.identity;

public record JobPosition(String code, String name, String nameEn) {}
