package vn.govflow.outgoing;

import java.time.OffsetDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** The drafting, consultation, review and signing statements (V140_2); the core rows are OutgoingMapper's. */
@Mapper
interface OutgoingDraftMapper {
  String OPINION_COLUMNS = "document_id, position, version_no, kind, asked_of, asked_by, asked_at, given_by,"
      + " given_at, opinion";

  @Select("SELECT COALESCE(MAX(version_no), 0) FROM out_version WHERE document_id = #{id}")
  int lastVersionNo(String documentId);

  @Insert("INSERT INTO out_appendix(document_id, position, file_id, file_name) VALUES (#{a.documentId},"
      + " #{a.position}, #{a.fileId}, #{a.fileName})")
  void insertAppendix(@Param("a") OutgoingAppendix appendix);

  @Select("SELECT document_id, position, file_id, file_name, signed_file_id FROM out_appendix"
      + " WHERE document_id = #{id} ORDER BY position")
  List<OutgoingAppendix> appendices(String documentId);

  @Select("SELECT COALESCE(MAX(position), 0) FROM out_opinion WHERE document_id = #{id}")
  int lastOpinionPosition(String documentId);

  @Insert("INSERT INTO out_opinion(" + OPINION_COLUMNS + ") VALUES (#{o.documentId}, #{o.position}, #{o.versionNo},"
      + " #{o.kind}, #{o.askedOf}, #{o.askedBy}, #{o.askedAt}, #{o.givenBy}, #{o.givenAt}, #{o.opinion})")
  void insertOpinion(@Param("o") OutgoingOpinion opinion);

  @Select("SELECT " + OPINION_COLUMNS + " FROM out_opinion WHERE document_id = #{id} ORDER BY position")
  List<OutgoingOpinion> opinions(String documentId);

  /** Records the opinion once: 0 rows when it was already given. */
  @Update("UPDATE out_opinion SET given_by = #{by}, given_at = #{at}, opinion = #{text} WHERE document_id = #{id}"
      + " AND position = #{position} AND given_at IS NULL")
  int giveOpinion(@Param("id") String documentId, @Param("position") int position, @Param("by") String givenBy,
                  @Param("at") OffsetDateTime at, @Param("text") String text);

  @Update("UPDATE out_document SET consulted_version = #{version}, updated_at = CURRENT_TIMESTAMP WHERE id = #{id}")
  void setConsultedVersion(@Param("id") String id, @Param("version") int version);

  @Select("SELECT consulted_version FROM out_document WHERE id = #{id}")
  Integer consultedVersion(String id);

  @Update("UPDATE out_document SET returned_by = #{by}, returned_at = #{at}, return_comment = #{comment},"
      + " updated_at = CURRENT_TIMESTAMP WHERE id = #{id}")
  void setReturned(@Param("id") String id, @Param("by") String by, @Param("at") OffsetDateTime at,
                   @Param("comment") String comment);

  /** The last return, for the handler: who, when, why (null columns when never returned). */
  @Select("SELECT returned_by AS \"by\", returned_at AS \"at\", return_comment AS \"comment\" FROM out_document"
      + " WHERE id = #{id}")
  LastReturn lastReturn(String id);

  record LastReturn(String by, OffsetDateTime at, String comment) {}

  @Select("SELECT deputy FROM out_department_supervisor WHERE department_id = #{departmentId}")
  String supervisingDeputy(String departmentId);

  /** Stores the signature; 0 rows unless the document was IN_REVIEW (signed once). */
  @Update("UPDATE out_document SET status = 'SIGNED', pdf_file_id = #{pdf}, signed_file_id = #{signed},"
      + " signer = #{signer}, signer_name = #{signerName}, signer_position = #{position},"
      + " signing_capacity = #{capacity}, signed_at = #{at}, updated_at = CURRENT_TIMESTAMP"
      + " WHERE id = #{id} AND status = 'IN_REVIEW'")
  int sign(@Param("id") String id, @Param("pdf") String pdfFileId, @Param("signed") String signedFileId,
           @Param("signer") String signer, @Param("signerName") String signerName,
           @Param("position") String position, @Param("capacity") String capacity,
           @Param("at") OffsetDateTime at);

  @Update("UPDATE out_document SET pdf_file_id = #{file}, updated_at = CURRENT_TIMESTAMP WHERE id = #{id}")
  void setPdf(@Param("id") String id, @Param("file") String fileId);

  @Select("SELECT pdf_file_id FROM out_document WHERE id = #{id}")
  String pdfFileId(String id);

  @Update("UPDATE out_document SET status = #{status}, updated_at = CURRENT_TIMESTAMP WHERE id = #{id}")
  void setStatus(@Param("id") String id, @Param("status") String status);

  /** The agency's documents, newest first, optionally of one status or one drafter. */
  @Select("<script>SELECT " + OutgoingMapper.COLUMNS + " FROM out_document WHERE agency_code = #{agency}"
      + "<if test='status != null'> AND status = #{status}</if>"
      + "<if test='drafter != null'> AND drafter = #{drafter}</if>"
      + " ORDER BY created_at DESC, id LIMIT #{limit}</script>")
  List<OutgoingDocument> list(@Param("agency") String agencyCode, @Param("status") String status,
                              @Param("drafter") String drafter, @Param("limit") int limit);
}
