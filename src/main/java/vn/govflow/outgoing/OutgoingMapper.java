package vn.govflow.outgoing;

import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** The outgoing document's own rows. Columns in the records' order: the records are mapped by constructor. */
@Mapper
interface OutgoingMapper {
  String COLUMNS = "id, agency_code, department_id, drafter, document_type, subject, urgency, reply_to_incoming_id,"
      + " status, process_instance_id, signer, signer_name, signer_position, signing_capacity, pdf_file_id,"
      + " signed_file_id, signed_at, reg_year, number, code_notation, issued_date, issued_file_id, numbered_by,"
      + " numbered_at, issued_by, issued_at, copies, page_count, language, note, replaces_id, replaced_by_id,"
      + " recalled_at, recalled_by, recall_reason, created_at, updated_at";

  String RECIPIENT_COLUMNS = "document_id, position, kind, department_id, agency_code, name, email, postal,"
      + " status_code, status_at, status_note, incoming_id";

  @Insert("INSERT INTO out_document(id, agency_code, department_id, drafter, document_type, subject, urgency,"
      + " reply_to_incoming_id, status, language, search_text, created_at, updated_at) VALUES (#{d.id},"
      + " #{d.agencyCode}, #{d.departmentId}, #{d.drafter}, #{d.documentType}, #{d.subject}, #{d.urgency},"
      + " #{d.replyToIncomingId}, #{d.status}, #{d.language}, #{searchText}, #{d.createdAt}, #{d.updatedAt})")
  void insert(@Param("d") OutgoingDocument document, @Param("searchText") String searchText);

  @Select("SELECT " + COLUMNS + " FROM out_document WHERE id = #{id}")
  OutgoingDocument find(String id);

  /** Locks the document's row until the caller's transaction ends: one action at a time on one document. */
  @Select("SELECT " + COLUMNS + " FROM out_document WHERE id = #{id} FOR UPDATE")
  OutgoingDocument lock(String id);

  @Update("UPDATE out_document SET process_instance_id = #{pi} WHERE id = #{id}")
  void setProcessInstance(@Param("id") String id, @Param("pi") String processInstanceId);

  /** Moves the document from one status to the next; 0 rows when it was not in {@code from}. */
  @Update("UPDATE out_document SET status = #{to}, updated_at = CURRENT_TIMESTAMP WHERE id = #{id}"
      + " AND status = #{from}")
  int moveStatus(@Param("id") String id, @Param("from") String from, @Param("to") String to);

  @Insert("INSERT INTO out_version(document_id, version_no, file_id, file_name, author, created_at, note)"
      + " VALUES (#{v.documentId}, #{v.versionNo}, #{v.fileId}, #{v.fileName}, #{v.author}, #{v.createdAt},"
      + " #{v.note})")
  void insertVersion(@Param("v") OutgoingVersion version);

  @Select("SELECT document_id, version_no, file_id, file_name, author, created_at, note FROM out_version"
      + " WHERE document_id = #{id} ORDER BY version_no")
  List<OutgoingVersion> versions(String documentId);

  @Insert("INSERT INTO out_recipient(" + RECIPIENT_COLUMNS + ") VALUES (#{r.documentId}, #{r.position}, #{r.kind},"
      + " #{r.departmentId}, #{r.agencyCode}, #{r.name}, #{r.email}, #{r.postal}, #{r.statusCode}, #{r.statusAt},"
      + " #{r.statusNote}, #{r.incomingId})")
  void insertRecipient(@Param("r") OutgoingRecipient recipient);

  @Select("SELECT " + RECIPIENT_COLUMNS + " FROM out_recipient WHERE document_id = #{id} ORDER BY position")
  List<OutgoingRecipient> recipients(String documentId);
}
