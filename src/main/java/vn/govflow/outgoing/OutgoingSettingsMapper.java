package vn.govflow.outgoing;

import java.time.OffsetDateTime;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** The agency administrator's writes to the numbering settings (out_abbreviation, out_register). */
@Mapper
interface OutgoingSettingsMapper {
  record Abbreviation(String ownerKind, String ownerId, String abbreviation, String setBy, OffsetDateTime setAt) {}

  @Select("SELECT owner_kind, owner_id, abbreviation, set_by, set_at FROM out_abbreviation WHERE owner_kind = #{kind}"
      + " AND owner_id = #{id}")
  Abbreviation abbreviation(@Param("kind") String ownerKind, @Param("id") String ownerId);

  @Update("UPDATE out_abbreviation SET abbreviation = #{abbreviation}, set_by = #{by}, set_at = #{at}"
      + " WHERE owner_kind = #{kind} AND owner_id = #{id}")
  int updateAbbreviation(@Param("kind") String ownerKind, @Param("id") String ownerId,
                         @Param("abbreviation") String abbreviation, @Param("by") String by,
                         @Param("at") OffsetDateTime at);

  @Insert("INSERT INTO out_abbreviation(owner_kind, owner_id, abbreviation, set_by, set_at)"
      + " VALUES (#{kind}, #{id}, #{abbreviation}, #{by}, #{at})")
  void insertAbbreviation(@Param("kind") String ownerKind, @Param("id") String ownerId,
                          @Param("abbreviation") String abbreviation, @Param("by") String by,
                          @Param("at") OffsetDateTime at);

  @Insert("INSERT INTO out_register(agency_code, code, name_vi, name_en, document_type, abbreviation, with_year)"
      + " VALUES (#{r.agencyCode}, #{r.code}, #{r.nameVi}, #{r.nameEn}, #{r.documentType}, #{r.abbreviation},"
      + " #{r.withYear})")
  void insertRegister(@Param("r") OutgoingIssueMapper.Register register);

  /** The register's code and document type stay: numbers already taken are filed under them. */
  @Update("UPDATE out_register SET name_vi = #{r.nameVi}, name_en = #{r.nameEn}, abbreviation = #{r.abbreviation},"
      + " with_year = #{r.withYear} WHERE agency_code = #{r.agencyCode} AND code = #{r.code}")
  int updateRegister(@Param("r") OutgoingIssueMapper.Register register);

  @Select("SELECT COUNT(*) FROM out_register WHERE agency_code = #{agency} AND (code = #{code}"
      + " OR document_type = #{type})")
  int registerClashes(@Param("agency") String agencyCode, @Param("code") String code, @Param("type") String type);
}
