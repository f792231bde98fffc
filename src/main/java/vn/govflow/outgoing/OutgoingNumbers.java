package vn.govflow.outgoing;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import vn.govflow.documents.DocumentType;
import vn.govflow.identity.Agency;
import vn.govflow.identity.Department;
import vn.govflow.identity.IdentityDirectory;

/**
 * Numbers and symbols of outgoing documents (Decree 30/2020 Art 15, App I §II.3). One sequence per register and
 * calendar year, from 01 on 1 January: the year's row stays locked until the numbering transaction ends, so a
 * refused numbering (no valid personal signature, a failed signing) consumes no number and two clerks never get
 * the same one. Registers: docs/decisions.md "Outgoing registers".
 */
@Component
class OutgoingNumbers {
  /** The agency's register of administrative documents (Art 15.1b), which needs no row. */
  static final String ADMINISTRATIVE = "VB";

  private final OutgoingIssueMapper mapper;
  private final IdentityDirectory directory;
  private final TransactionTemplate newTransaction;

  OutgoingNumbers(OutgoingIssueMapper mapper, IdentityDirectory directory, PlatformTransactionManager transactions) {
    this.mapper = mapper;
    this.directory = directory;
    this.newTransaction = new TransactionTemplate(transactions);
    this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** Where a document is numbered and how its symbol reads, before a number is taken. */
  record Plan(String registerCode, String codeNotation) {}

  Plan plan(OutgoingDocument d, int year) {
    Optional<OutgoingIssueMapper.Register> register =
        Optional.ofNullable(mapper.registerForType(d.agencyCode(), d.documentType()));
    String agency = agencyAbbreviation(d.agencyCode());
    if (register.isPresent()) {
      OutgoingIssueMapper.Register r = register.get();
      // Legal normative documents carry the year in the symbol (01/2026/QĐ-UBND): see docs/decisions.md.
      return new Plan(r.code(), (r.withYear() ? year + "/" : "") + r.abbreviation() + "-" + agency);
    }
    String typeAbbreviation = DocumentType.byCode(d.documentType()).map(DocumentType::abbreviation).orElse(null);
    if (typeAbbreviation == null) {
      // A free type name: its abbreviation must be set as a register (App III lists only the 29 types).
      throw OutgoingErrors.unprocessable("outgoing-issue-type-abbreviation",
          "Loại văn bản \"" + d.typeName() + "\" chưa có tên viết tắt: thủ trưởng cơ quan cần quy định sổ và tên"
              + " viết tắt cho loại này.",
          "The document type \"" + d.typeName() + "\" has no abbreviation: the head of the agency must set a"
              + " register and abbreviation for it.");
    }
    if (typeAbbreviation.isEmpty()) {
      // Công văn and thư công: agency + drafting unit (App I §II.3: 05/BNV-VP, 12/UBND-VX).
      String unit = d.departmentId() == null ? null : departmentAbbreviation(d.departmentId());
      return new Plan(ADMINISTRATIVE, unit == null ? agency : agency + "-" + unit);
    }
    return new Plan(ADMINISTRATIVE, typeAbbreviation + "-" + agency);
  }

  /**
   * Creates the register's year row in its own transaction, called before the numbering transaction starts (a
   * second connection inside it could wait forever on a pool its waiting peers hold).
   */
  void ensure(String agencyCode, String registerCode, int year) {
    try {
      newTransaction.executeWithoutResult(s -> mapper.createSequence(agencyCode, registerCode, year));
    } catch (DuplicateKeyException alreadyThere) {
      // a concurrent first numbering of the year created it: fine
    }
  }

  /** The next number of the register's year, taken in the caller's transaction (which holds the lock). */
  long next(String agencyCode, String registerCode, int year) {
    Long last = mapper.lockSequence(agencyCode, registerCode, year);
    if (last == null) {
      throw new IllegalStateException("register " + registerCode + " of " + agencyCode + " has no row for " + year);
    }
    long number = last + 1;
    mapper.advanceSequence(agencyCode, registerCode, year, number);
    return number;
  }

  String agencyAbbreviation(String agencyCode) {
    String set = mapper.abbreviation("AGENCY", agencyCode);
    if (set != null) {
      return set;
    }
    return directory.agency(agencyCode).map(Agency::shortName).map(OutgoingNumbers::upper).orElse(agencyCode);
  }

  String departmentAbbreviation(String departmentId) {
    String set = mapper.abbreviation("DEPARTMENT", departmentId);
    if (set != null) {
      return set;
    }
    return directory.department(departmentId).map(Department::shortName).map(OutgoingNumbers::upper).orElse(null);
  }

  private static String upper(String s) {
    return s.toUpperCase(Locale.forLanguageTag("vi"));
  }

  /** "15/QĐ-UBND": numbers below 10 with a leading 0 (App I §II.3). */
  static String numberSymbol(long number, String codeNotation) {
    return String.format("%02d", number) + "/" + codeNotation;
  }

  /** "Lào Cai, ngày 05 tháng 01 năm 2026": day below 10 and months 1 and 2 with a leading 0 (App I §II.4). */
  static String dateLine(String place, LocalDate date) {
    int m = date.getMonthValue();
    return place + ", ngày " + String.format("%02d", date.getDayOfMonth()) + " tháng "
        + (m <= 2 ? String.format("%02d", m) : String.valueOf(m)) + " năm " + date.getYear();
  }
}
