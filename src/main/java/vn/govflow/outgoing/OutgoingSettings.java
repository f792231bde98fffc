package vn.govflow.outgoing;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.govflow.audit.AuditLog;
import vn.govflow.common.error.UserError;
import vn.govflow.common.error.UserError.FieldProblem;
import vn.govflow.identity.CurrentUser;
import vn.govflow.identity.Department;
import vn.govflow.identity.IdentityDirectory;
import vn.govflow.identity.Roles;

/**
 * The numbering settings an agency's administrator keeps for the head of the agency (Decree 30/2020 App I §II.3,
 * Art 15.1a): the abbreviations of the agency and its departments, and the registers of legal normative (or free)
 * document types with the type's abbreviation. Only the administrator's own agency.
 */
@Service
class OutgoingSettings {
  // Upper-case letters (Vietnamese included), digits and hyphens: what a symbol is made of (App I §II.3).
  private static final Pattern ABBREVIATION = Pattern.compile("[\\p{Lu}0-9][\\p{Lu}0-9-]*");
  private static final Pattern CODE = Pattern.compile("[\\p{L}0-9][\\p{L}0-9-]*");

  private final OutgoingSettingsMapper mapper;
  private final OutgoingIssueMapper issueMapper;
  private final OutgoingNumbers numbers;
  private final IdentityDirectory directory;
  private final AuditLog audit;
  private final ZoneId zone;

  OutgoingSettings(OutgoingSettingsMapper mapper, OutgoingIssueMapper issueMapper, OutgoingNumbers numbers,
                   IdentityDirectory directory, AuditLog audit,
                   @Value("${govflow.time-zone:Asia/Ho_Chi_Minh}") String zone) {
    this.mapper = mapper;
    this.issueMapper = issueMapper;
    this.numbers = numbers;
    this.directory = directory;
    this.audit = audit;
    this.zone = ZoneId.of(zone);
  }

  /** One abbreviation line: the agency or one of its departments, what is set and what the symbol uses. */
  record AbbreviationRow(String ownerKind, String ownerId, String name, String abbreviation, String used,
                         String setBy, OffsetDateTime setAt) {}

  List<AbbreviationRow> abbreviations(CurrentUser me) {
    requireAdmin(me);
    List<AbbreviationRow> rows = new ArrayList<>();
    String agency = me.agencyCode();
    rows.add(row("AGENCY", agency, directory.agency(agency).map(a -> a.name()).orElse(agency),
        numbers.agencyAbbreviation(agency)));
    directory.departments().stream().filter(d -> agency.equals(d.agencyCode()))
        .sorted(java.util.Comparator.comparing(Department::name))
        .forEach(d -> rows.add(row("DEPARTMENT", d.id(), d.name(), numbers.departmentAbbreviation(d.id()))));
    return rows;
  }

  private AbbreviationRow row(String kind, String id, String name, String used) {
    OutgoingSettingsMapper.Abbreviation a = mapper.abbreviation(kind, id);
    return new AbbreviationRow(kind, id, name, a == null ? null : a.abbreviation(), used,
        a == null ? null : a.setBy(), a == null ? null : a.setAt());
  }

  List<OutgoingIssueMapper.Register> registers(CurrentUser me) {
    requireAdmin(me);
    return issueMapper.registers(me.agencyCode());
  }

  @Transactional
  void setAbbreviation(String ownerKind, String ownerId, String abbreviation, CurrentUser me) {
    requireAdmin(me);
    boolean ours = "AGENCY".equals(ownerKind) ? me.agencyCode().equals(ownerId)
        : "DEPARTMENT".equals(ownerKind) && directory.department(ownerId)
            .filter(d -> me.agencyCode().equals(d.agencyCode())).isPresent();
    if (!ours) {
      throw UserError.notFound();
    }
    String value = abbreviation == null ? "" : abbreviation.strip();
    if (value.isEmpty() || value.length() > 20 || !ABBREVIATION.matcher(value).matches()) {
      throw invalid("abbreviation", "Tên viết tắt gồm chữ in hoa, chữ số, dấu gạch nối, tối đa 20 ký tự.",
          "An abbreviation is upper-case letters, digits and hyphens, at most 20 characters.");
    }
    OffsetDateTime now = now();
    if (mapper.updateAbbreviation(ownerKind, ownerId, value, me.username(), now) == 0) {
      mapper.insertAbbreviation(ownerKind, ownerId, value, me.username(), now);
    }
    audit.record("outgoing.settings.abbreviation", "outgoing-abbreviation", ownerKind + ":" + ownerId, value);
  }

  record RegisterForm(String code, String nameVi, String nameEn, String documentType, String abbreviation,
                      boolean withYear) {}

  @Transactional
  OutgoingIssueMapper.Register addRegister(RegisterForm f, CurrentUser me) {
    requireAdmin(me);
    OutgoingIssueMapper.Register r = check(f, me, true);
    if (mapper.registerClashes(me.agencyCode(), r.code(), r.documentType()) > 0) {
      throw new UserError(HttpStatus.CONFLICT, "outgoing-register-exists",
          "Đã có sổ cùng mã hoặc cùng loại văn bản.", "A register with this code or document type exists.");
    }
    mapper.insertRegister(r);
    audit.record("outgoing.settings.register.add", "outgoing-register", r.code(), r.documentType() + " → "
        + r.abbreviation());
    return r;
  }

  @Transactional
  OutgoingIssueMapper.Register updateRegister(String code, RegisterForm f, CurrentUser me) {
    requireAdmin(me);
    OutgoingIssueMapper.Register old = issueMapper.registers(me.agencyCode()).stream()
        .filter(x -> x.code().equals(code)).findFirst().orElseThrow(UserError::notFound);
    RegisterForm kept = new RegisterForm(old.code(), f.nameVi(), f.nameEn(), old.documentType(), f.abbreviation(),
        f.withYear());
    OutgoingIssueMapper.Register r = check(kept, me, false);
    mapper.updateRegister(r);
    audit.record("outgoing.settings.register.edit", "outgoing-register", r.code(), old.abbreviation() + " → "
        + r.abbreviation());
    return r;
  }

  private OutgoingIssueMapper.Register check(RegisterForm f, CurrentUser me, boolean isNew) {
    List<FieldProblem> problems = new ArrayList<>();
    String code = trim(f.code());
    String nameVi = trim(f.nameVi());
    String nameEn = trim(f.nameEn());
    String type = trim(f.documentType());
    String abbreviation = trim(f.abbreviation());
    if (isNew && (code == null || code.length() > 20 || !CODE.matcher(code).matches())) {
      problems.add(new FieldProblem("code", "Mã sổ gồm chữ, chữ số, dấu gạch nối, tối đa 20 ký tự.",
          "The register code is letters, digits and hyphens, at most 20 characters."));
    }
    if (nameVi == null || nameVi.length() > 200) {
      problems.add(new FieldProblem("nameVi", "Cần tên sổ (tối đa 200 ký tự).", "The register's name is needed"
          + " (at most 200 characters)."));
    }
    if (nameEn != null && nameEn.length() > 200) {
      problems.add(new FieldProblem("nameEn", "Tên tiếng Anh tối đa 200 ký tự.", "At most 200 characters."));
    }
    if (isNew && (type == null || type.length() > 100)) {
      problems.add(new FieldProblem("documentType", "Cần loại văn bản của sổ (tối đa 100 ký tự).",
          "The register's document type is needed (at most 100 characters)."));
    }
    if (abbreviation == null || abbreviation.length() > 10 || !ABBREVIATION.matcher(abbreviation).matches()) {
      problems.add(new FieldProblem("abbreviation", "Tên viết tắt của loại văn bản gồm chữ in hoa, chữ số, dấu"
          + " gạch nối, tối đa 10 ký tự.", "The type's abbreviation is upper-case letters, digits and hyphens,"
          + " at most 10 characters."));
    }
    if (!problems.isEmpty()) {
      throw new UserError(HttpStatus.BAD_REQUEST, "outgoing-register-invalid", "Thông tin sổ chưa hợp lệ.",
          "The register's details are not valid.", problems, Map.of());
    }
    return new OutgoingIssueMapper.Register(me.agencyCode(), code, nameVi, nameEn == null ? nameVi : nameEn, type,
        abbreviation, f.withYear());
  }

  private static UserError invalid(String field, String vi, String en) {
    return new UserError(HttpStatus.BAD_REQUEST, "outgoing-abbreviation-invalid", vi, en,
        List.of(new FieldProblem(field, vi, en)), Map.of());
  }

  private static String trim(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(zone).truncatedTo(ChronoUnit.MICROS);
  }

  private static void requireAdmin(CurrentUser me) {
    if (!me.hasRole(Roles.ADMIN) || me.agencyCode() == null) {
      throw UserError.forbidden("Chỉ quản trị của cơ quan sửa được sổ và tên viết tắt.",
          "Only the agency's administrator changes registers and abbreviations.");
    }
  }
}
