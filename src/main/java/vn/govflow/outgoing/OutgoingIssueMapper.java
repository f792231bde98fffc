package vn.govflow.outgoing;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** Numbering, issuing, delivery, recall and the register: the statements of the clerk's side. */
@Mapper
interface OutgoingIssueMapper {
  String COLUMNS = OutgoingMapper.COLUMNS;
  String DOC_COLUMNS = "d.id, d.agency_code, d.department_id, d.drafter, d.document_type, d.subject, d.urgency,"
      + " d.reply_to_incoming_id, d.status, d.process_instance_id, d.signer, d.signer_name, d.signer_position,"
      + " d.signing_capacity, d.pdf_file_id, d.signed_file_id, d.signed_at, d.reg_year, d.number, d.code_notation,"
      + " d.issued_date, d.issued_file_id, d.numbered_by, d.numbered_at, d.issued_by, d.issued_at, d.copies,"
      + " d.page_count, d.language, d.note, d.replaces_id, d.replaced_by_id, d.recalled_at, d.recalled_by,"
      + " d.recall_reason, d.created_at, d.updated_at";

  // --- registers, sequences, abbreviations ---------------------------------------------------------------

  record Register(String agencyCode, String code, String nameVi, String nameEn, String documentType,
                  String abbreviation, boolean withYear) {}

  @Select("SELECT agency_code, code, name_vi, name_en, document_type, abbreviation, with_year FROM out_register"
      + " WHERE agency_code = #{agency} AND document_type = #{type}")
  Register registerForType(@Param("agency") String agencyCode, @Param("type") String documentType);

  @Select("SELECT agency_code, code, name_vi, name_en, document_type, abbreviation, with_year FROM out_register"
      + " WHERE agency_code = #{agency} ORDER BY code")
  List<Register> registers(@Param("agency") String agencyCode);

  @Insert("INSERT INTO out_register_sequence(agency_code, register_code, reg_year, last_number)"
      + " VALUES (#{agency}, #{register}, #{year}, 0)")
  void createSequence(@Param("agency") String agencyCode, @Param("register") String registerCode,
                      @Param("year") int year);

  @Select("SELECT last_number FROM out_register_sequence WHERE agency_code = #{agency}"
      + " AND register_code = #{register} AND reg_year = #{year} FOR UPDATE")
  Long lockSequence(@Param("agency") String agencyCode, @Param("register") String registerCode,
                    @Param("year") int year);

  @Update("UPDATE out_register_sequence SET last_number = #{number} WHERE agency_code = #{agency}"
      + " AND register_code = #{register} AND reg_year = #{year}")
  void advanceSequence(@Param("agency") String agencyCode, @Param("register") String registerCode,
                       @Param("year") int year, @Param("number") long number);

  @Select("SELECT abbreviation FROM out_abbreviation WHERE owner_kind = #{kind} AND owner_id = #{id}")
  String abbreviation(@Param("kind") String ownerKind, @Param("id") String ownerId);

  // --- numbering and issuing -----------------------------------------------------------------------------

  @Update("UPDATE out_document SET status = 'NUMBERED', register_code = #{register}, reg_year = #{year},"
      + " number = #{number}, code_notation = #{notation}, issued_date = #{date}, issued_file_id = #{fileId},"
      + " numbered_by = #{by}, numbered_at = #{at}, search_text = #{searchText}, updated_at = #{at}"
      + " WHERE id = #{id} AND status = 'SIGNED'")
  int numbered(@Param("id") String id, @Param("register") String registerCode, @Param("year") int year,
               @Param("number") long number, @Param("notation") String codeNotation, @Param("date") LocalDate date,
               @Param("fileId") String issuedFileId, @Param("by") String numberedBy, @Param("at") OffsetDateTime at,
               @Param("searchText") String searchText);

  @Select("SELECT register_code FROM out_document WHERE id = #{id}")
  String registerCode(String id);

  record RegisterKey(String id, String registerCode) {}

  @Select("<script>SELECT id, register_code FROM out_document WHERE id IN"
      + "<foreach item='i' collection='ids' open='(' separator=',' close=')'>#{i}</foreach></script>")
  List<RegisterKey> registerCodes(@Param("ids") List<String> ids);

  @Update("UPDATE out_appendix SET signed_file_id = #{fileId} WHERE document_id = #{id} AND position = #{position}")
  void appendixSigned(@Param("id") String documentId, @Param("position") int position, @Param("fileId") String fileId);

  record Appendix(String documentId, int position, String fileId, String fileName, String signedFileId) {}

  @Select("SELECT document_id, position, file_id, file_name, signed_file_id FROM out_appendix"
      + " WHERE document_id = #{id} ORDER BY position")
  List<Appendix> appendices(String documentId);

  @Update("UPDATE out_document SET status = 'ISSUED', issued_by = #{by}, issued_at = #{at}, updated_at = #{at}"
      + " WHERE id = #{id} AND status = 'NUMBERED'")
  int issued(@Param("id") String id, @Param("by") String issuedBy, @Param("at") OffsetDateTime at);

  @Update("UPDATE out_document SET status = 'RECALLED', recalled_at = #{at}, recalled_by = #{by},"
      + " recall_reason = #{reason}, updated_at = #{at} WHERE id = #{id} AND status = 'ISSUED'")
  int recalled(@Param("id") String id, @Param("by") String recalledBy, @Param("at") OffsetDateTime at,
               @Param("reason") String reason);

  @Update("UPDATE out_document SET status = 'REPLACED', replaced_by_id = #{by}, updated_at = #{at}"
      + " WHERE id = #{id} AND status = 'ISSUED'")
  int replaced(@Param("id") String id, @Param("by") String replacedById, @Param("at") OffsetDateTime at);

  @Update("UPDATE out_document SET replaces_id = #{replaces}, updated_at = #{at} WHERE id = #{id}")
  void setReplaces(@Param("id") String id, @Param("replaces") String replacesId, @Param("at") OffsetDateTime at);

  @Update("UPDATE out_document SET search_text = #{text} WHERE id = #{id}")
  void setSearchText(@Param("id") String id, @Param("text") String searchText);

  // --- recipients and their statuses ---------------------------------------------------------------------

  /** Keeps the latest status: an older one reported late goes to the history only. */
  @Update("UPDATE out_recipient SET status_code = #{code}, status_at = #{at}, status_note = #{note}"
      + " WHERE document_id = #{id} AND position = #{position} AND (status_at IS NULL OR status_at <= #{at})")
  int recipientStatus(@Param("id") String documentId, @Param("position") int position, @Param("code") String code,
                      @Param("at") OffsetDateTime at, @Param("note") String note);

  @Insert("INSERT INTO out_recipient_status(document_id, position, status_code, status_at, note, recorded_at)"
      + " VALUES (#{id}, #{position}, #{code}, #{at}, #{note}, #{recordedAt})")
  void insertStatus(@Param("id") String documentId, @Param("position") int position, @Param("code") String code,
                    @Param("at") OffsetDateTime at, @Param("note") String note,
                    @Param("recordedAt") OffsetDateTime recordedAt);

  record StatusEntry(String documentId, int position, String statusCode, OffsetDateTime statusAt, String note) {}

  @Select("SELECT document_id, position, status_code, status_at, note FROM out_recipient_status"
      + " WHERE document_id = #{id} ORDER BY position, status_at, id")
  List<StatusEntry> statusHistory(String documentId);

  @Select("SELECT COUNT(*) FROM out_recipient WHERE document_id = #{id} AND position = #{position}")
  int recipientExists(@Param("id") String documentId, @Param("position") int position);

  /** E-mail recipients of issued documents whose copy has not gone yet (the sweep's work). */
  record PendingMail(String documentId, int position) {}

  @Select("SELECT r.document_id, r.position FROM out_recipient r JOIN out_document d ON d.id = r.document_id"
      + " WHERE r.kind = 'OUTSIDE' AND r.email IS NOT NULL AND r.mailed_at IS NULL AND d.status = 'ISSUED'"
      + " AND d.issued_at < #{before} ORDER BY d.issued_at LIMIT 100")
  List<PendingMail> pendingMail(@Param("before") OffsetDateTime before);

  /** Recalled or replaced documents with e-mail recipients (the sweep's notices; MailOnce skips those sent). */
  record PendingNotice(String documentId, String status, String replacedById) {}

  @Select("SELECT d.id AS document_id, d.status, d.replaced_by_id FROM out_document d"
      + " WHERE d.status IN ('RECALLED', 'REPLACED') AND d.updated_at < #{before} AND d.updated_at > #{since}"
      + " AND EXISTS (SELECT 1 FROM out_recipient r WHERE r.document_id = d.id AND r.kind = 'OUTSIDE'"
      + " AND r.email IS NOT NULL) ORDER BY d.updated_at LIMIT 100")
  List<PendingNotice> pendingNotices(@Param("before") OffsetDateTime before, @Param("since") OffsetDateTime since);

  @Update("UPDATE out_recipient SET mailed_at = #{at} WHERE document_id = #{id} AND position = #{position}")
  void mailed(@Param("id") String documentId, @Param("position") int position, @Param("at") OffsetDateTime at);

  @Insert("INSERT INTO out_postal(agency_code, document_id, position, sent_date, number_symbol, recipient, envelopes,"
      + " note) VALUES (#{agency}, #{id}, #{position}, #{date}, #{numberSymbol}, #{recipient}, 1, #{note})")
  void insertPostal(@Param("agency") String agencyCode, @Param("id") String documentId,
                    @Param("position") int position, @Param("date") LocalDate date,
                    @Param("numberSymbol") String numberSymbol, @Param("recipient") String recipient,
                    @Param("note") String note);

  record PostalRow(LocalDate sentDate, String numberSymbol, String recipient, int envelopes, String note) {}

  @Select("SELECT sent_date, number_symbol, recipient, envelopes, note FROM out_postal WHERE agency_code = #{agency}"
      + " AND sent_date >= #{from} AND sent_date <= #{to} ORDER BY sent_date, id")
  List<PostalRow> postal(@Param("agency") String agencyCode, @Param("from") LocalDate from,
                         @Param("to") LocalDate to);

  // --- the register --------------------------------------------------------------------------------------

  /** Documents in the register: numbered, issued, recalled or replaced, by document date. */
  @Select("<script>SELECT " + COLUMNS + " FROM out_document WHERE agency_code = #{agency} AND number IS NOT NULL"
      + "<if test='from != null'> AND issued_date &gt;= #{from}</if>"
      + "<if test='to != null'> AND issued_date &lt;= #{to}</if>"
      + "<if test='register != null'> AND register_code = #{register}</if>"
      + "<foreach item='term' collection='terms'> AND search_text LIKE #{term}</foreach>"
      + "<choose><when test='ascending'> ORDER BY issued_date, numbered_at, id</when>"
      + "<otherwise> ORDER BY issued_date DESC, numbered_at DESC, id</otherwise></choose>"
      + " LIMIT #{limit} OFFSET #{offset}</script>")
  List<OutgoingDocument> register(@Param("agency") String agencyCode, @Param("from") LocalDate from,
                                  @Param("to") LocalDate to, @Param("register") String registerCode,
                                  @Param("terms") List<String> likeTerms,
                                  @Param("ascending") boolean ascending, @Param("limit") int limit,
                                  @Param("offset") int offset);

  @Select("<script>SELECT COUNT(*) FROM out_document WHERE agency_code = #{agency} AND number IS NOT NULL"
      + "<if test='from != null'> AND issued_date &gt;= #{from}</if>"
      + "<if test='to != null'> AND issued_date &lt;= #{to}</if>"
      + "<if test='register != null'> AND register_code = #{register}</if>"
      + "<foreach item='term' collection='terms'> AND search_text LIKE #{term}</foreach></script>")
  long registerCount(@Param("agency") String agencyCode, @Param("from") LocalDate from, @Param("to") LocalDate to,
                     @Param("register") String registerCode, @Param("terms") List<String> likeTerms);

  /** Issued (and later recalled or replaced) documents of the agency, newest first. */
  @Select("SELECT " + COLUMNS + " FROM out_document WHERE agency_code = #{agency} AND issued_at IS NOT NULL"
      + " ORDER BY issued_at DESC LIMIT #{limit}")
  List<OutgoingDocument> issuedList(@Param("agency") String agencyCode, @Param("limit") int limit);

  @Select("<script>SELECT document_id, position, kind, department_id, agency_code, name, email, postal, status_code,"
      + " status_at, status_note, incoming_id FROM out_recipient WHERE document_id IN"
      + "<foreach item='i' collection='ids' open='(' separator=',' close=')'>#{i}</foreach>"
      + " ORDER BY document_id, position</script>")
  List<OutgoingRecipient> recipientsOf(@Param("ids") List<String> documentIds);
}
