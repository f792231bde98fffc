package vn.govflow.incoming;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.govflow.audit.AuditLog;
import vn.govflow.common.error.UserError;
import vn.govflow.identity.CurrentUser;
import vn.govflow.identity.Roles;

/**
 * Closing a year's register (Decree 30/2020 Art 22.3b: the electronic register is printed, signed and bound). The
 * closing statement fixes the count and the first and last numbers; from then on no document that arrived in that
 * year is registered (docs/decisions.md, "Closing a year's register").
 */
@Service
class RegisterClosings {
  private final IncomingMapper mapper;
  private final ArrivalNumbers numbers;
  private final AuditLog audit;
  private final ZoneId zone;
  private final Clock clock;

  RegisterClosings(IncomingMapper mapper, ArrivalNumbers numbers, AuditLog audit,
                   @Value("${govflow.time-zone:Asia/Ho_Chi_Minh}") String zone) {
    this.mapper = mapper;
    this.numbers = numbers;
    this.audit = audit;
    this.zone = ZoneId.of(zone);
    this.clock = Clock.system(this.zone);
  }

  /** The statement of a closed year, if it is closed. */
  Optional<RegisterClosing> closing(CurrentUser viewer, int year) {
    return Optional.ofNullable(mapper.closing(viewer.agencyCode(), year)).map(this::local);
  }

  /** The closing time in the agency's zone (the database may hand it back in UTC), as the statement prints it. */
  private RegisterClosing local(RegisterClosing c) {
    return new RegisterClosing(c.agencyCode(), c.regYear(), c.documentCount(), c.firstNumber(), c.lastNumber(),
        c.closedAt().atZoneSameInstant(zone).toOffsetDateTime(), c.closedBy(), c.closedByName());
  }

  /** What the statement would say if the year were closed now (a preview for the clerk). */
  RegisterClosing preview(CurrentUser viewer, int year) {
    return new RegisterClosing(viewer.agencyCode(), year, mapper.yearCount(viewer.agencyCode(), year),
        mapper.yearFirstNumber(viewer.agencyCode(), year), mapper.yearLastNumber(viewer.agencyCode(), year),
        null, viewer.username(), viewer.fullName());
  }

  /** Closes a year that has ended; the clerk (văn thư) keeps the register, so the clerk closes it. */
  @Transactional
  RegisterClosing close(CurrentUser clerk, int year) {
    if (!clerk.hasRole(Roles.CLERK)) {
      throw UserError.forbidden("Chỉ văn thư được khóa sổ đăng ký văn bản đến.",
          "Only a clerk may close the incoming register.");
    }
    OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
    if (year >= now.getYear() || year < 1900) {
      throw UserError.badRequest("incoming-register-year-open", "Chỉ khóa sổ của năm đã kết thúc (trước năm "
          + now.getYear() + ").", "Only a year that has ended (before " + now.getYear() + ") can be closed.");
    }
    // The register's lock: no registration in this year can cross the closing.
    numbers.lock(clerk.agencyCode(), year);
    RegisterClosing existing = mapper.closing(clerk.agencyCode(), year);
    if (existing != null) {
      throw new UserError(HttpStatus.CONFLICT, "incoming-register-closed",
          "Sổ năm " + year + " đã khóa trước đó (" + existing.closedByName() + ").",
          "The " + year + " register was already closed (" + existing.closedByName() + ").");
    }
    RegisterClosing preview = preview(clerk, year);
    RegisterClosing closing = new RegisterClosing(clerk.agencyCode(), year, preview.documentCount(),
        preview.firstNumber(), preview.lastNumber(), now, clerk.username(), clerk.fullName());
    mapper.insertClosing(closing);
    audit.record("incoming.register.close", "incoming-register", clerk.agencyCode() + "/" + year,
        "Khóa sổ " + year + ": " + closing.documentCount() + " văn bản, số " + closing.firstNumber() + " đến "
            + closing.lastNumber());
    return local(mapper.closing(clerk.agencyCode(), year));
  }
}
