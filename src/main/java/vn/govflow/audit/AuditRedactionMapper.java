package vn.govflow.audit;

import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** The statements of {@link AuditRedaction}: the only UPDATE on audit_event the triggers let through. */
@Mapper
interface AuditRedactionMapper {

  @Insert("INSERT INTO audit_event(occurred_at, actor, agency_code, action,"
      + " object_type, object_id, outcome, detail) VALUES (#{occurredAt}, #{actor}, #{agencyCode}, 'audit.redact',"
      + " #{objectType}, #{objectId}, 'SUCCESS', #{detail})")
  @Options(useGeneratedKeys = true, keyProperty = "id", keyColumn = "id")
  void insertRedaction(AuditRedaction.RedactionRow row);

  @Select("SELECT id, actor, detail, client_ip, user_agent FROM audit_event"
      + " WHERE object_type = #{type} AND object_id = #{id} AND redacted_by IS NULL ORDER BY id")
  List<AuditRedaction.AuditRow> rowsOf(@Param("type") String objectType, @Param("id") String objectId);

  /** Rows whose detail may mention a value: a lower-cased LIKE pattern, a backslash escaping its wildcards. */
  @Select("SELECT id, actor, detail, client_ip, user_agent FROM audit_event"
      + " WHERE redacted_by IS NULL AND LOWER(detail) LIKE #{pattern} ESCAPE '\\' ORDER BY id")
  List<AuditRedaction.AuditRow> rowsMentioning(@Param("pattern") String likePattern);

  @Update("UPDATE audit_event SET detail = #{detail}, redacted_by = #{by},"
      + " client_ip = CASE WHEN #{dropAddress} THEN NULL ELSE client_ip END,"
      + " user_agent = CASE WHEN #{dropAddress} THEN NULL ELSE user_agent END"
      + " WHERE id = #{id} AND redacted_by IS NULL")
  int redact(@Param("id") long id, @Param("dropAddress") boolean dropAddress, @Param("detail") String detail,
             @Param("by") long by);
}
