package vn.govflow.notify;

import java.time.OffsetDateTime;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** The sent marks of e-mails sent from background steps (table mail_sent, notify/V130_1). */
@Mapper
public interface MailSentMapper {
  @Select("SELECT case_id, kind, message_id, state, attempts, sent_at FROM mail_sent"
      + " WHERE case_id = #{caseId} AND kind = #{kind}")
  MailOnce.Mark find(@Param("caseId") String caseId, @Param("kind") String kind);

  @Select("SELECT kind, state, attempts, started_at, sent_at, error FROM mail_sent WHERE case_id = #{caseId}"
      + " ORDER BY kind")
  java.util.List<MailOnce.Attempts> attempts(@Param("caseId") String caseId);

  @Insert("INSERT INTO mail_sent (case_id, kind, message_id, state, attempts, started_at)"
      + " VALUES (#{caseId}, #{kind}, #{messageId}, 'SENDING', 1, #{at})")
  void insertSending(@Param("caseId") String caseId, @Param("kind") String kind,
                     @Param("messageId") String messageId, @Param("at") OffsetDateTime at);

  /** Never turns a SENT mark back: 0 rows when it is SENT. */
  @Update("UPDATE mail_sent SET state = 'SENDING', attempts = attempts + 1, started_at = #{at}, error = NULL"
      + " WHERE case_id = #{caseId} AND kind = #{kind} AND state <> 'SENT'")
  int updateSending(@Param("caseId") String caseId, @Param("kind") String kind, @Param("at") OffsetDateTime at);

  @Update("UPDATE mail_sent SET state = 'SENT', sent_at = #{at}, error = NULL"
      + " WHERE case_id = #{caseId} AND kind = #{kind}")
  int markSent(@Param("caseId") String caseId, @Param("kind") String kind, @Param("at") OffsetDateTime at);

  @Update("UPDATE mail_sent SET state = 'FAILED', error = #{error}"
      + " WHERE case_id = #{caseId} AND kind = #{kind} AND state = 'SENDING'")
  int markFailed(@Param("caseId") String caseId, @Param("kind") String kind, @Param("error") String error);
}
