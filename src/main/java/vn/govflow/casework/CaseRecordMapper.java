package vn.govflow.casework;

import java.time.OffsetDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** The shared history and file tables of every case type; subsystems reach them through CaseHistory and CaseFiles. */
@Mapper
interface CaseRecordMapper {
  @Insert("INSERT INTO case_history(case_type, case_id, occurred_at, actor, on_behalf_of, step, comment)"
      + " VALUES (#{type}, #{caseId}, #{at}, #{actor}, #{onBehalfOf}, #{step}, #{comment})")
  void insertStep(@Param("type") String type, @Param("caseId") String caseId, @Param("at") OffsetDateTime at,
                  @Param("actor") String actor, @Param("onBehalfOf") String onBehalfOf, @Param("step") String step,
                  @Param("comment") String comment);

  @Select("SELECT id, case_id, occurred_at, actor, on_behalf_of, step, comment FROM case_history"
      + " WHERE case_type = #{type} AND case_id = #{caseId} ORDER BY occurred_at, id")
  List<CaseStep> steps(@Param("type") String type, @Param("caseId") String caseId);

  @Select("<script>SELECT case_id, MIN(occurred_at) AS occurred_at FROM case_history"
      + " WHERE case_type = #{type} AND step = #{step} AND case_id IN"
      + "<foreach item='id' collection='ids' open='(' separator=',' close=')'>#{id}</foreach>"
      + " GROUP BY case_id</script>")
  List<FirstStep> firstSteps(@Param("type") String type, @Param("step") String step,
                             @Param("ids") List<String> caseIds);

  record FirstStep(String caseId, OffsetDateTime occurredAt) {}

  @Update("UPDATE case_history SET comment = #{comment} WHERE id = #{id} AND case_type = #{type}"
      + " AND case_id = #{caseId}")
  int setComment(@Param("type") String type, @Param("caseId") String caseId, @Param("id") long stepId,
                 @Param("comment") String comment);

  @Insert("INSERT INTO case_file(case_type, case_id, file_id, position) VALUES (#{type}, #{caseId}, #{fileId},"
      + " #{position})")
  void insertFile(@Param("type") String type, @Param("caseId") String caseId, @Param("fileId") String fileId,
                  @Param("position") int position);

  @Select("SELECT file_id FROM case_file WHERE case_type = #{type} AND case_id = #{caseId} ORDER BY position")
  List<String> fileIds(@Param("type") String type, @Param("caseId") String caseId);

  @Select("SELECT file_id FROM case_file WHERE case_type = #{type} AND case_id = #{caseId} AND position = #{position}")
  List<String> fileIdsAt(@Param("type") String type, @Param("caseId") String caseId, @Param("position") int position);

  @Select("SELECT case_id FROM case_file WHERE case_type = #{type} AND file_id = #{fileId}")
  List<String> casesWithFile(@Param("type") String type, @Param("fileId") String fileId);

  @Delete("DELETE FROM case_file WHERE case_type = #{type} AND case_id = #{caseId}")
  int deleteFiles(@Param("type") String type, @Param("caseId") String caseId);
}
