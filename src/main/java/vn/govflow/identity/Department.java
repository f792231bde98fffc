package vn.govflow.identity;

public record Department(String id, String agencyCode, String shortName, String name, String nameEn) {}
