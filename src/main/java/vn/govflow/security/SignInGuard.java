package vn.govflow.security;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.govflow.audit.AuditService;
import vn.govflow.identity.IdentityDirectory;
import vn.govflow.identity.Person;
import vn.govflow.identity.Roles;
import vn.govflow.notify.NotificationService;

/**
 * Brute-force protection of the embedded issuer's sign-in form (seed 000 Art 15.1c). An account is locked after
 * {@code max-failures} consecutive wrong passwords, for {@code lock-base}, doubling with each further failure
 * up to {@code lock-max}; attempts during a lock are refused without looking at the password. A client address
 * with {@code address-max-failures} failures (whatever the accounts) within {@code address-window} is refused
 * for {@code address-block}. Administrators are told in the app; every lock and block is audited.
 * Counters live in tables, so a restart does not reset them.
 */
@Component
public class SignInGuard {
  private static final Logger log = LoggerFactory.getLogger(SignInGuard.class);
  static final String ALERT_KIND = "SIGN_IN_LOCKED";
  /** Where the alert sends administrators: the locked accounts, each with its unlock button. */
  static final String UNLOCK_PAGE = "/admin/sign-in-locks";
  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("HH:mm:ss dd/MM/yyyy");

  public enum Kind { ACCOUNT_LOCKED, ADDRESS_BLOCKED }

  /** Why an attempt is refused, and until when (shown to the person). */
  public record Refusal(Kind kind, OffsetDateTime until) implements java.io.Serializable {}

  private final SignInMapper mapper;
  private final AuditService audit;
  private final NotificationService notifications;
  private final IdentityDirectory directory;
  private final int maxFailures;
  private final Duration lockBase;
  private final Duration lockMax;
  private final Duration resetAfter;
  private final int addressMaxFailures;
  private final Duration addressWindow;
  private final Duration addressBlock;
  private final ZoneId zone;
  private final Clock clock = Clock.systemUTC();

  SignInGuard(SignInMapper mapper, AuditService audit, NotificationService notifications, IdentityDirectory directory,
              @Value("${govflow.sign-in.max-failures:5}") int maxFailures,
              @Value("${govflow.sign-in.lock-base:PT1M}") Duration lockBase,
              @Value("${govflow.sign-in.lock-max:PT1H}") Duration lockMax,
              @Value("${govflow.sign-in.reset-after:P1D}") Duration resetAfter,
              @Value("${govflow.sign-in.address-max-failures:20}") int addressMaxFailures,
              @Value("${govflow.sign-in.address-window:PT15M}") Duration addressWindow,
              @Value("${govflow.sign-in.address-block:PT15M}") Duration addressBlock,
              @Value("${govflow.time-zone:Asia/Ho_Chi_Minh}") ZoneId zone) {
    this.mapper = mapper;
    this.audit = audit;
    this.notifications = notifications;
    this.directory = directory;
    this.maxFailures = Math.max(1, maxFailures);
    this.lockBase = lockBase;
    this.lockMax = lockMax;
    this.resetAfter = resetAfter;
    this.addressMaxFailures = Math.max(1, addressMaxFailures);
    this.addressWindow = addressWindow;
    this.addressBlock = addressBlock;
    this.zone = zone;
  }

  /** Whether an attempt for this account from this address is refused before the password is checked. */
  public Optional<Refusal> refusal(String username, String address) {
    OffsetDateTime now = now();
    SignInMapper.AddressFailures a = mapper.address(key(address));
    if (a != null && a.blockedUntil() != null && a.blockedUntil().isAfter(now)) {
      return Optional.of(new Refusal(Kind.ADDRESS_BLOCKED, a.blockedUntil()));
    }
    SignInMapper.AccountFailures f = mapper.account(key(username));
    if (f != null && f.lockedUntil() != null && f.lockedUntil().isAfter(now)) {
      return Optional.of(new Refusal(Kind.ACCOUNT_LOCKED, f.lockedUntil()));
    }
    return Optional.empty();
  }

  /** Counts a wrong password; says whether this failure locked the account or blocked the address. */
  public Optional<Refusal> failed(String username, String address) {
    OffsetDateTime now = now();
    Optional<Refusal> blocked = countAddress(key(address), now);
    Optional<Refusal> locked = countAccount(key(username), address, now);
    return blocked.isPresent() ? blocked : locked;
  }

  /** A successful sign-in clears the account's count (the address's stays: it may be trying many accounts). */
  public void succeeded(String username) {
    mapper.deleteAccount(key(username));
  }

  /** A locked account as administrators see it (the person's name when the account exists). */
  public record LockedAccount(String username, String fullName, String agencyCode, int failures,
                              OffsetDateTime lockedUntil, String shownUntil, long minutesLeft) {}

  /** Accounts locked at this moment, for the administrators' page and API. */
  public java.util.List<LockedAccount> locked() {
    OffsetDateTime now = now();
    return mapper.lockedAccounts(now).stream().map(f -> {
      Optional<Person> p = directory.person(f.username());
      return new LockedAccount(f.username(), p.map(Person::fullName).orElse(null),
          p.map(Person::agencyCode).orElse(null), f.failures(), f.lockedUntil(), shown(f.lockedUntil()),
          minutesLeft(f.lockedUntil(), now));
    }).toList();
  }

  /**
   * An administrator lifts a lock in force (seed 000 Art 14.3: recorded with who acted). The failure count goes
   * with it, so the person starts afresh; the address's count is untouched. False when the account is not locked.
   */
  @org.springframework.transaction.annotation.Transactional
  public boolean unlock(String username) {
    String k = key(username);
    if (mapper.unlockAccount(k, now()) == 0) {
      return false;
    }
    // record() takes the acting administrator from the session or token.
    audit.record("auth.account-unlocked", "account", k, "sign-in lock lifted by an administrator");
    return true;
  }

  /** Whole minutes until the lock ends, rounded up (a lock of 20 s reads "about 1 minute"). */
  public long minutesLeft(OffsetDateTime until) {
    return minutesLeft(until, now());
  }

  private static long minutesLeft(OffsetDateTime until, OffsetDateTime now) {
    long seconds = Math.max(0, Duration.between(now, until).getSeconds());
    return Math.max(1, (seconds + 59) / 60);
  }

  /** How long the n-th consecutive failure locks the account: nothing before max-failures, then doubling. */
  Duration lockFor(int failures) {
    if (failures < maxFailures) {
      return Duration.ZERO;
    }
    int doublings = Math.min(failures - maxFailures, 30);
    Duration d = lockBase.multipliedBy(1L << doublings);
    return d.compareTo(lockMax) > 0 ? lockMax : d;
  }

  /** The instant as people read it on the sign-in page: Vietnam's time. */
  public String shown(OffsetDateTime until) {
    return SHOWN.format(until.atZoneSameInstant(zone));
  }

  private Optional<Refusal> countAccount(String username, String address, OffsetDateTime now) {
    SignInMapper.AccountFailures f = mapper.account(username);
    boolean stale = f != null && f.lastFailureAt().plus(resetAfter).isBefore(now);
    int failures = f == null || stale ? 1 : f.failures() + 1;
    Duration lock = lockFor(failures);
    OffsetDateTime until = lock.isZero() ? null : now.plus(lock);
    SignInMapper.AccountFailures row = new SignInMapper.AccountFailures(username, failures, now, until);
    if (f == null) {
      try {
        mapper.insertAccount(row);
      } catch (DuplicateKeyException raced) {
        mapper.updateAccount(row);
      }
    } else {
      mapper.updateAccount(row);
    }
    if (until == null) {
      return Optional.empty();
    }
    audit.recordAs(username, null, agencyOf(username), "auth.account-locked", "account", username, "FAILURE",
        failures + " failed sign-ins in a row; locked until " + until + " (from " + address + ")");
    if (failures == maxFailures) {
      alertAccount(username, address, until);
    }
    return Optional.of(new Refusal(Kind.ACCOUNT_LOCKED, until));
  }

  private Optional<Refusal> countAddress(String address, OffsetDateTime now) {
    SignInMapper.AddressFailures a = mapper.address(address);
    boolean newWindow = a == null || a.windowStart().plus(addressWindow).isBefore(now);
    OffsetDateTime windowStart = newWindow ? now : a.windowStart();
    int failures = newWindow ? 1 : a.failures() + 1;
    OffsetDateTime until = failures >= addressMaxFailures ? now.plus(addressBlock) : null;
    SignInMapper.AddressFailures row = new SignInMapper.AddressFailures(address, windowStart, failures, until);
    if (a == null) {
      try {
        mapper.insertAddress(row);
      } catch (DuplicateKeyException raced) {
        mapper.updateAddress(row);
      }
    } else {
      mapper.updateAddress(row);
    }
    if (until == null) {
      return Optional.empty();
    }
    // Counting restarts once the block is over, so the next block is earned afresh.
    mapper.updateAddress(new SignInMapper.AddressFailures(address, until, 0, until));
    audit.recordAs(null, null, null, "auth.address-blocked", "client-address", address, "FAILURE",
        failures + " failed sign-ins within " + addressWindow + "; refused until " + until);
    alertAddress(address, failures, until);
    return Optional.of(new Refusal(Kind.ADDRESS_BLOCKED, until));
  }

  private void alertAccount(String username, String address, OffsetDateTime until) {
    Optional<Person> person = directory.person(username);
    if (person.isEmpty()) {
      return; // a guessed name: the audit entry and the address's count are enough
    }
    String who = person.get().fullName() + " (" + username + ")";
    alert(new NotificationService.Message(
        "Tài khoản " + username + " bị tạm khóa do đăng nhập sai nhiều lần",
        "Account " + username + " temporarily locked after repeated failed sign-ins",
        "Tài khoản của " + who + " có " + maxFailures + " lần đăng nhập sai liên tiếp (lần cuối từ địa chỉ "
            + address + ") và bị tạm khóa đến " + shown(until) + ". Nếu không phải người dùng tự nhập sai, "
            + "hãy kiểm tra nhật ký truy cập; "
            + "nếu đúng là người dùng, có thể mở khóa ngay tại trang Tài khoản bị khóa.",
        "The account of " + who + " had " + maxFailures + " failed sign-ins in a row (the last from " + address
            + ") and is locked until " + shown(until) + " (Vietnam time). Unless the person mistyped, check the "
            + "audit log; if it was the person, you can unlock the account at once on the Locked accounts page.",
        UNLOCK_PAGE));
  }

  private void alertAddress(String address, int failures, OffsetDateTime until) {
    alert(new NotificationService.Message(
        "Địa chỉ " + address + " bị chặn đăng nhập tạm thời",
        "Sign-ins from " + address + " temporarily refused",
        failures + " lần đăng nhập sai từ địa chỉ " + address + " trong " + addressWindow.toMinutes()
            + " phút; địa chỉ này bị từ chối đăng nhập đến " + shown(until) + ".",
        failures + " failed sign-ins from " + address + " within " + addressWindow.toMinutes()
            + " minutes; sign-ins from it are refused until " + shown(until) + " (Vietnam time).",
        "/api/v1/audit?action=auth.sign-in-failed"));
  }

  private void alert(NotificationService.Message message) {
    try {
      notifications.notifyGroup(Roles.ADMIN, ALERT_KIND, message);
    } catch (RuntimeException e) {
      // The lock itself must hold even when the alert cannot be written.
      log.error("Could not alert the administrators: {}", message.subjectEn(), e);
    }
  }

  private String agencyOf(String username) {
    return directory.person(username).map(Person::agencyCode).orElse(null);
  }

  @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT10M")
  void prune() {
    OffsetDateTime before = now().minus(resetAfter);
    mapper.pruneAccounts(before);
    mapper.pruneAddresses(before);
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
  }

  /** Names as typed are compared without case (the directory's usernames are lower case), at most 64 chars. */
  static String key(String s) {
    String k = s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
    return k.length() > 64 ? k.substring(0, 64) : k;
  }
}
