package vn.govflow.notify;

import java.time.OffsetDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Arg;
import org.apache.ibatis.annotations.ConstructorArgs;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** Rows of the notification table. Every read and write names the recipient, so nobody reaches another's rows. */
@Mapper
public interface NotificationMapper {
  String COLUMNS = "id, recipient, agency_code, kind, subject_vi, subject_en, body_vi, body_en, link, created_at,"
      + " read_at, email_status, email_error";

  /** A row being inserted: mutable only so that MyBatis can hand back the generated id. */
  final class NewRow {
    public Long id;
    public String recipient;
    public String agencyCode;
    public String kind;
    public String subjectVi;
    public String subjectEn;
    public String bodyVi;
    public String bodyEn;
    public String link;
    public OffsetDateTime createdAt;
    public EmailStatus emailStatus;
  }

  @Insert("""
      INSERT INTO notification (recipient, agency_code, kind, subject_vi, subject_en, body_vi, body_en, link,
                                created_at, email_status)
      VALUES (#{recipient}, #{agencyCode}, #{kind}, #{subjectVi}, #{subjectEn}, #{bodyVi}, #{bodyEn}, #{link},
              #{createdAt}, #{emailStatus})
      """)
  @Options(useGeneratedKeys = true, keyProperty = "id", keyColumn = "id")
  void insert(NewRow row);

  @Select("<script>SELECT " + COLUMNS + " FROM notification WHERE recipient = #{recipient}"
      + "<if test='unreadOnly'> AND read_at IS NULL</if>"
      + " ORDER BY created_at DESC, id DESC LIMIT #{limit}</script>")
  // Named so the other queries of a notification reuse the same constructor mapping.
  @org.apache.ibatis.annotations.Results(id = "notification")
  @ConstructorArgs({
      @Arg(column = "id", javaType = long.class),
      @Arg(column = "recipient", javaType = String.class),
      @Arg(column = "agency_code", javaType = String.class),
      @Arg(column = "kind", javaType = String.class),
      @Arg(column = "subject_vi", javaType = String.class),
      @Arg(column = "subject_en", javaType = String.class),
      @Arg(column = "body_vi", javaType = String.class),
      @Arg(column = "body_en", javaType = String.class),
      @Arg(column = "link", javaType = String.class),
      @Arg(column = "created_at", javaType = OffsetDateTime.class),
      @Arg(column = "read_at", javaType = OffsetDateTime.class),
      @Arg(column = "email_status", javaType = EmailStatus.class),
      @Arg(column = "email_error", javaType = String.class)
  })
  List<Notification> findByRecipient(@Param("recipient") String recipient, @Param("unreadOnly") boolean unreadOnly,
                                     @Param("limit") int limit);

  @Select("SELECT " + COLUMNS + " FROM notification WHERE id = #{id}")
  @org.apache.ibatis.annotations.ResultMap("notification")
  Notification findById(@Param("id") long id);

  @Select("SELECT COUNT(*) FROM notification WHERE recipient = #{recipient} AND read_at IS NULL")
  int countUnread(@Param("recipient") String recipient);

  /** Marks one of the recipient's own notifications read (keeping the first read time); 0 when not theirs. */
  @Update("UPDATE notification SET read_at = COALESCE(read_at, #{at}) WHERE id = #{id} AND recipient = #{recipient}")
  int markRead(@Param("id") long id, @Param("recipient") String recipient, @Param("at") OffsetDateTime at);

  @Update("UPDATE notification SET read_at = #{at} WHERE recipient = #{recipient} AND read_at IS NULL")
  int markAllRead(@Param("recipient") String recipient, @Param("at") OffsetDateTime at);

  /** The outcome of a try (counted when it began, by {@link #markSending}). */
  @Update("UPDATE notification SET email_status = #{status}, email_error = #{error} WHERE id = #{id}")
  void updateEmail(@Param("id") long id, @Param("status") EmailStatus status, @Param("error") String error);

  /**
   * Marks a try as begun, before the SMTP send, and counts it, if the copy is still in the state the sender saw;
   * 0 rows otherwise (someone else is sending it, or it was sent: a SENT copy is never sent again).
   */
  @Update("UPDATE notification SET email_status = 'SENDING', email_tried_at = #{at}, email_error = NULL,"
      + " email_attempts = email_attempts + 1 WHERE id = #{id} AND email_status = #{seen}"
      + " AND email_status <> 'SENT'")
  int markSending(@Param("id") long id, @Param("seen") EmailStatus seen, @Param("at") OffsetDateTime at);

  /**
   * E-mails to try again, created since the given time: failed ones with attempts left; ones still unsent long
   * after their commit (the queue was lost, e.g. the application stopped); ones left SENDING for as long (the
   * process stopped during the send: the outcome is unknown, so they go again with the same Message-ID).
   */
  @Select("SELECT id FROM notification WHERE created_at > #{since} AND ((email_status = 'FAILED'"
      + " AND email_attempts < #{maxAttempts}) OR (email_status = 'NOT_SENT' AND created_at < #{queuedBefore})"
      + " OR (email_status = 'SENDING' AND email_tried_at < #{queuedBefore}))"
      + " ORDER BY id LIMIT #{limit}")
  List<Long> toResend(@Param("since") OffsetDateTime since, @Param("queuedBefore") OffsetDateTime queuedBefore,
                      @Param("maxAttempts") int maxAttempts, @Param("limit") int limit);

  @Select("SELECT email_attempts FROM notification WHERE id = #{id}")
  int attempts(@Param("id") long id);
}
