package vn.govflow.audit;

import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

@Mapper
interface AuditMapper {
  @Insert("INSERT INTO audit_event(occurred_at, actor, on_behalf_of, agency_code, action, object_type, object_id,"
      + " outcome, detail, client_ip, user_agent) VALUES (#{occurredAt}, #{actor}, #{onBehalfOf}, #{agencyCode},"
      + " #{action}, #{objectType}, #{objectId}, #{outcome}, #{detail}, #{clientIp}, #{userAgent})")
  void insert(AuditEvent event);

  @Select("<script>SELECT id, occurred_at, actor, on_behalf_of, agency_code, action, object_type, object_id, outcome,"
      + " detail, client_ip, user_agent FROM audit_event"
      + "<where><if test='agencyCode != null'>agency_code = #{agencyCode}</if>"
      + "<if test='actor != null'> AND actor = #{actor}</if>"
      + "<if test='action != null'> AND action = #{action}</if></where>"
      + " ORDER BY id DESC LIMIT #{limit}</script>")
  List<AuditEvent> recent(@Param("agencyCode") String agencyCode, @Param("actor") String actor,
                          @Param("action") String action, @Param("limit") int limit);
}
