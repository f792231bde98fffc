package vn.govflow.incoming;

import java.time.OffsetDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** The electronic inbox, the statuses reported back to senders, and the link of a document to its dispatch. */
@Mapper
interface ExchangeMapper {
  String COLUMNS = "id, dispatch_id, agency_code, recipient_department, sender_agency_code, sender_name, code_number,"
      + " code_notation, number_symbol, document_date, document_type, summary, urgency, signer_name, signer_position,"
      + " page_count, doc_language, file_id, appendix_file_ids, replaces_dispatch_id, status, arrived_at, decided_at,"
      + " decided_by, refuse_reason, incoming_id, recall_reason, recalled_at";

  @Insert("INSERT INTO inc_inbox(" + COLUMNS + ") VALUES (#{e.id}, #{e.dispatchId}, #{e.agencyCode},"
      + " #{e.recipientDepartment}, #{e.senderAgencyCode}, #{e.senderName}, #{e.codeNumber}, #{e.codeNotation},"
      + " #{e.numberSymbol}, #{e.documentDate}, #{e.documentType}, #{e.summary}, #{e.urgency}, #{e.signerName},"
      + " #{e.signerPosition}, #{e.pageCount}, #{e.language}, #{e.fileId}, #{e.appendixFileIds},"
      + " #{e.replacesDispatchId}, #{e.status}, #{e.arrivedAt}, #{e.decidedAt}, #{e.decidedBy}, #{e.refuseReason},"
      + " #{e.incomingId}, #{e.recallReason}, #{e.recalledAt})")
  void insert(@Param("e") InboxEntry entry);

  @Select("SELECT " + COLUMNS + " FROM inc_inbox WHERE id = #{id}")
  InboxEntry find(String id);

  @Select("SELECT " + COLUMNS + " FROM inc_inbox WHERE dispatch_id = #{dispatchId}")
  InboxEntry findByDispatch(String dispatchId);

  /** Locks the entry until the deciding transaction ends: an accept, a refusal and a recall never cross. */
  @Select("SELECT " + COLUMNS + " FROM inc_inbox WHERE id = #{id} FOR UPDATE")
  InboxEntry lock(String id);

  /** Waiting entries first, then the most urgent, then the newest. */
  @Select("<script>SELECT " + COLUMNS + " FROM inc_inbox WHERE agency_code = #{agency}"
      + "<if test='status != null'> AND status = #{status}</if>"
      + " ORDER BY CASE WHEN status = 'ARRIVED' THEN 0 ELSE 1 END,"
      + " CASE urgency WHEN 'hoa-toc' THEN 0 WHEN 'thuong-khan' THEN 1 WHEN 'khan' THEN 2 ELSE 3 END,"
      + " arrived_at DESC, id LIMIT #{limit}</script>")
  List<InboxEntry> list(@Param("agency") String agencyCode, @Param("status") String status,
                        @Param("limit") int limit);

  @Update("UPDATE inc_inbox SET status = #{status}, decided_at = #{at}, decided_by = #{by},"
      + " refuse_reason = #{reason}, incoming_id = #{incomingId} WHERE id = #{id}")
  void decide(@Param("id") String id, @Param("status") String status, @Param("at") OffsetDateTime at,
              @Param("by") String by, @Param("reason") String refuseReason, @Param("incomingId") String incomingId);

  @Update("UPDATE inc_inbox SET status = 'WITHDRAWN', recall_reason = #{reason}, recalled_at = #{at} WHERE id = #{id}")
  void withdraw(@Param("id") String id, @Param("reason") String reason, @Param("at") OffsetDateTime at);

  @Insert("INSERT INTO inc_inbox_status(dispatch_id, status_code, note, reported_at)"
      + " VALUES (#{dispatchId}, #{code}, #{note}, #{at})")
  void insertStatus(@Param("dispatchId") String dispatchId, @Param("code") String code, @Param("note") String note,
                    @Param("at") OffsetDateTime at);

  @Select("SELECT status_code, note, reported_at FROM inc_inbox_status WHERE dispatch_id = #{dispatchId} ORDER BY id")
  List<ReportedStatus> statuses(String dispatchId);

  @Select("SELECT status_code FROM inc_inbox_status WHERE dispatch_id = #{dispatchId} ORDER BY id DESC LIMIT 1")
  String lastStatus(String dispatchId);

  @Update("UPDATE inc_document SET dispatch_id = #{dispatchId} WHERE id = #{id}")
  void linkDocument(@Param("id") String documentId, @Param("dispatchId") String dispatchId);

  @Select("SELECT dispatch_id FROM inc_document WHERE id = #{id}")
  String dispatchOf(String documentId);

  /**
   * A recalled document keeps its arrival number, its sender, number and date (what was recalled) and loses its
   * content: the summary becomes the recall's reason, and it leaves the follow-up register (docs/decisions.md).
   */
  @Update("UPDATE inc_document SET status = 'RECALLED', summary = #{summary}, signer_name = NULL,"
      + " signer_position = NULL, page_count = NULL, recipient = NULL, due_at = NULL, search_text = #{searchText}"
      + " WHERE id = #{id}")
  void recallDocument(@Param("id") String documentId, @Param("summary") String summary,
                      @Param("searchText") String searchText);

  @Update("UPDATE inc_document SET reply_reference = #{reply} WHERE id = #{id}")
  void setReplyReference(@Param("id") String documentId, @Param("reply") String replyReference);

  /** The replaced document (Art 18.3): linked both ways, its register note (column 10) saying by which. */
  @Update("UPDATE inc_document SET replaced_by_id = #{by}, note = #{note} WHERE id = #{id}")
  void markReplaced(@Param("id") String documentId, @Param("by") String replacedById, @Param("note") String note);

  @Update("UPDATE inc_document SET replaces_id = #{replaces} WHERE id = #{id}")
  void markReplaces(@Param("id") String documentId, @Param("replaces") String replacesId);

  /** replaced_by_id and replaces_id of one document. */
  record Replacement(String replacedById, String replacesId) {}

  @Select("SELECT replaced_by_id, replaces_id FROM inc_document WHERE id = #{id}")
  Replacement replacement(String documentId);

  /** One status as the recipient reported it to the sender. */
  record ReportedStatus(String statusCode, String note, OffsetDateTime reportedAt) {}
}
