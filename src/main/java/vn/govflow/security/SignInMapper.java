package vn.govflow.security;

import java.time.OffsetDateTime;
import org.apache.ibatis.annotations.Arg;
import org.apache.ibatis.annotations.ConstructorArgs;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** Failed sign-in counters (V12__signin_lockout.sql). */
@Mapper
public interface SignInMapper {
  record AccountFailures(String username, int failures, OffsetDateTime lastFailureAt, OffsetDateTime lockedUntil) {}

  record AddressFailures(String address, OffsetDateTime windowStart, int failures, OffsetDateTime blockedUntil) {}

  @Select("SELECT username, failures, last_failure_at, locked_until FROM signin_account_failure"
      + " WHERE username = #{username}")
  @ConstructorArgs({
      @Arg(column = "username", javaType = String.class),
      @Arg(column = "failures", javaType = int.class),
      @Arg(column = "last_failure_at", javaType = OffsetDateTime.class),
      @Arg(column = "locked_until", javaType = OffsetDateTime.class)})
  AccountFailures account(@Param("username") String username);

  @Insert("INSERT INTO signin_account_failure (username, failures, last_failure_at, locked_until)"
      + " VALUES (#{username}, #{failures}, #{lastFailureAt}, #{lockedUntil})")
  void insertAccount(AccountFailures row);

  @Update("UPDATE signin_account_failure SET failures = #{failures}, last_failure_at = #{lastFailureAt},"
      + " locked_until = #{lockedUntil} WHERE username = #{username}")
  int updateAccount(AccountFailures row);

  @Delete("DELETE FROM signin_account_failure WHERE username = #{username}")
  int deleteAccount(@Param("username") String username);

  /** Accounts locked at this moment, the longest lock first. */
  @Select("SELECT username, failures, last_failure_at, locked_until FROM signin_account_failure"
      + " WHERE locked_until > #{now} ORDER BY locked_until DESC, username")
  @ConstructorArgs({
      @Arg(column = "username", javaType = String.class),
      @Arg(column = "failures", javaType = int.class),
      @Arg(column = "last_failure_at", javaType = OffsetDateTime.class),
      @Arg(column = "locked_until", javaType = OffsetDateTime.class)})
  java.util.List<AccountFailures> lockedAccounts(@Param("now") OffsetDateTime now);

  /** An administrator's unlock: only a lock still in force is lifted (and its count with it). */
  @Delete("DELETE FROM signin_account_failure WHERE username = #{username} AND locked_until > #{now}")
  int unlockAccount(@Param("username") String username, @Param("now") OffsetDateTime now);

  @Select("SELECT address, window_start, failures, blocked_until FROM signin_address_failure"
      + " WHERE address = #{address}")
  @ConstructorArgs({
      @Arg(column = "address", javaType = String.class),
      @Arg(column = "window_start", javaType = OffsetDateTime.class),
      @Arg(column = "failures", javaType = int.class),
      @Arg(column = "blocked_until", javaType = OffsetDateTime.class)})
  AddressFailures address(@Param("address") String address);

  @Insert("INSERT INTO signin_address_failure (address, window_start, failures, blocked_until)"
      + " VALUES (#{address}, #{windowStart}, #{failures}, #{blockedUntil})")
  void insertAddress(AddressFailures row);

  @Update("UPDATE signin_address_failure SET window_start = #{windowStart}, failures = #{failures},"
      + " blocked_until = #{blockedUntil} WHERE address = #{address}")
  int updateAddress(AddressFailures row);

  /** Rows nobody needs any more: quiet for a day and not locked. */
  @Delete("DELETE FROM signin_account_failure WHERE last_failure_at < #{before}"
      + " AND (locked_until IS NULL OR locked_until < #{before})")
  int pruneAccounts(@Param("before") OffsetDateTime before);

  @Delete("DELETE FROM signin_address_failure WHERE window_start < #{before}"
      + " AND (blocked_until IS NULL OR blocked_until < #{before})")
  int pruneAddresses(@Param("before") OffsetDateTime before);
}
