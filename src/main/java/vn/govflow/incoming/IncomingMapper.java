package vn.govflow.incoming;

import java.time.OffsetDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
interface IncomingMapper {
  String COLUMNS = "id, agency_code, reg_year, arrival_number, arrived_at, channel, sender_agency_code, sender_name,"
      + " number_symbol, document_date, document_type, summary, urgency, page_count, recipient, note, bulky_dossier,"
      + " duplicate_of, status, process_instance_id, due_at, lead_handler, lead_department, outcome, reply_reference,"
      + " forwarded_to, registered_by, on_behalf_of, registered_at,"
      + " signer_name, signer_position, doc_language, code_number, code_notation, late_reason";

  @Insert("INSERT INTO inc_register_sequence(agency_code, reg_year, last_number) VALUES (#{agency}, #{year}, 0)")
  void createSequence(@Param("agency") String agencyCode, @Param("year") int year);

  /** Locks the register's row until the registering transaction ends. */
  @Select("SELECT last_number FROM inc_register_sequence WHERE agency_code = #{agency} AND reg_year = #{year}"
      + " FOR UPDATE")
  Long lockSequence(@Param("agency") String agencyCode, @Param("year") int year);

  @Update("UPDATE inc_register_sequence SET last_number = #{number} WHERE agency_code = #{agency}"
      + " AND reg_year = #{year}")
  void advanceSequence(@Param("agency") String agencyCode, @Param("year") int year, @Param("number") long number);

  @Insert("INSERT INTO inc_document(" + COLUMNS + ", search_text) VALUES (#{d.id}, #{d.agencyCode}, #{d.regYear},"
      + " #{d.arrivalNumber}, #{d.arrivedAt}, #{d.channel}, #{d.senderAgencyCode}, #{d.senderName}, #{d.numberSymbol},"
      + " #{d.documentDate}, #{d.documentType}, #{d.summary}, #{d.urgency}, #{d.pageCount}, #{d.recipient}, #{d.note},"
      + " #{d.bulkyDossier}, #{d.duplicateOf}, #{d.status}, #{d.processInstanceId}, #{d.dueAt}, #{d.leadHandler},"
      + " #{d.leadDepartment}, #{d.outcome}, #{d.replyReference}, #{d.forwardedTo}, #{d.registeredBy},"
      + " #{d.onBehalfOf}, #{d.registeredAt},"
      + " #{d.signerName}, #{d.signerPosition}, #{d.language}, #{d.codeNumber}, #{d.codeNotation}, #{d.lateReason},"
      + " #{searchText})")
  void insert(@Param("d") IncomingDocument document, @Param("searchText") String searchText);


  @Update("UPDATE inc_document SET process_instance_id = #{pi} WHERE id = #{id}")
  void setProcessInstance(@Param("id") String id, @Param("pi") String processInstanceId);

  @Update("UPDATE inc_document SET status = #{status} WHERE id = #{id}")
  void setStatus(@Param("id") String id, @Param("status") String status);

  @Update("UPDATE inc_document SET status = #{status}, due_at = #{dueAt}, lead_handler = #{leadHandler},"
      + " lead_department = #{leadDepartment} WHERE id = #{id}")
  void setAssignment(@Param("id") String id, @Param("status") String status, @Param("dueAt") OffsetDateTime dueAt,
                     @Param("leadHandler") String leadHandler, @Param("leadDepartment") String leadDepartment);

  @Update("UPDATE inc_document SET status = #{status}, outcome = #{outcome},"
      // A reply issued through GovFlow (IncomingReplies) is kept when the handler records another outcome.
      + " reply_reference = COALESCE(#{reply}, reply_reference),"
      + " forwarded_to = #{forwardedTo} WHERE id = #{id}")
  void setOutcome(@Param("id") String id, @Param("status") String status, @Param("outcome") String outcome,
                  @Param("reply") String replyReference, @Param("forwardedTo") String forwardedTo);

  @Select("SELECT " + COLUMNS + " FROM inc_document WHERE id = #{id}")
  IncomingDocument find(String id);



  @org.apache.ibatis.annotations.Update("UPDATE inc_document SET search_text = #{text} WHERE id = #{id}")
  int setSearchText(@Param("id") String id, @Param("text") String searchText);

  /** The same number and symbol from the same issuer, whatever the date (App VI Part I §III.1h). */
  @Select("SELECT " + COLUMNS + " FROM inc_document WHERE agency_code = #{agency}"
      + " AND LOWER(number_symbol) = LOWER(#{numberSymbol}) AND (sender_agency_code = #{senderCode}"
      + " OR LOWER(sender_name) = LOWER(#{senderName})) ORDER BY arrival_number")
  List<IncomingDocument> likelyDuplicates(@Param("agency") String agencyCode,
                                          @Param("numberSymbol") String numberSymbol,
                                          @Param("senderCode") String senderAgencyCode,
                                          @Param("senderName") String senderName);

  @Select("<script>SELECT " + COLUMNS + " FROM inc_document WHERE agency_code = #{agency}"
      + "<if test='from != null'> AND arrived_at &gt;= #{from}</if>"
      + "<if test='to != null'> AND arrived_at &lt; #{to}</if>"
      + "<foreach item='term' collection='terms'> AND search_text LIKE #{term}</foreach>"
      + " ORDER BY reg_year DESC, arrival_number DESC LIMIT #{limit} OFFSET #{offset}</script>")
  List<IncomingDocument> search(@Param("agency") String agencyCode, @Param("from") OffsetDateTime from,
                                @Param("to") OffsetDateTime to, @Param("terms") List<String> likeTerms,
                                @Param("limit") int limit, @Param("offset") int offset);

  /** The register in book order (by arrival number) for printing and export. */
  @Select("<script>SELECT " + COLUMNS + " FROM inc_document WHERE agency_code = #{agency}"
      + " AND arrived_at &gt;= #{from} AND arrived_at &lt; #{to}"
      + " ORDER BY reg_year, arrival_number LIMIT #{limit} OFFSET #{offset}</script>")
  List<IncomingDocument> book(@Param("agency") String agencyCode, @Param("from") OffsetDateTime from,
                              @Param("to") OffsetDateTime to, @Param("limit") int limit, @Param("offset") int offset);

  @Select("<script>SELECT COUNT(*) FROM inc_document WHERE agency_code = #{agency}"
      + "<if test='from != null'> AND arrived_at &gt;= #{from}</if>"
      + "<if test='to != null'> AND arrived_at &lt; #{to}</if>"
      + "<foreach item='term' collection='terms'> AND search_text LIKE #{term}</foreach></script>")
  long count(@Param("agency") String agencyCode, @Param("from") OffsetDateTime from, @Param("to") OffsetDateTime to,
             @Param("terms") List<String> likeTerms);

  @Select("SELECT agency_code, reg_year, document_count, first_number, last_number, closed_at, closed_by,"
      + " closed_by_name FROM inc_register_closing WHERE agency_code = #{agency} AND reg_year = #{year}")
  RegisterClosing closing(@Param("agency") String agencyCode, @Param("year") int year);

  @Insert("INSERT INTO inc_register_closing(agency_code, reg_year, document_count, first_number, last_number,"
      + " closed_at, closed_by, closed_by_name) VALUES (#{c.agencyCode}, #{c.regYear}, #{c.documentCount},"
      + " #{c.firstNumber}, #{c.lastNumber}, #{c.closedAt}, #{c.closedBy}, #{c.closedByName})")
  void insertClosing(@Param("c") RegisterClosing closing);

  /** What the closing statement counts: the year's documents and their first and last arrival numbers. */
  @Select("SELECT COUNT(*) FROM inc_document WHERE agency_code = #{agency} AND reg_year = #{year}")
  long yearCount(@Param("agency") String agencyCode, @Param("year") int year);

  @Select("SELECT MIN(arrival_number) FROM inc_document WHERE agency_code = #{agency} AND reg_year = #{year}")
  Long yearFirstNumber(@Param("agency") String agencyCode, @Param("year") int year);

  @Select("SELECT MAX(arrival_number) FROM inc_document WHERE agency_code = #{agency} AND reg_year = #{year}")
  Long yearLastNumber(@Param("agency") String agencyCode, @Param("year") int year);

  /**
   * The follow-up register (sổ theo dõi giải quyết, App IV §VIII): documents arrived in the range that were given
   * a handling deadline, in book order.
   */
  @Select("SELECT " + COLUMNS + " FROM inc_document WHERE agency_code = #{agency} AND due_at IS NOT NULL"
      + " AND arrived_at >= #{from} AND arrived_at < #{to} ORDER BY reg_year, arrival_number")
  List<IncomingDocument> followUp(@Param("agency") String agencyCode, @Param("from") OffsetDateTime from,
                                  @Param("to") OffsetDateTime to);
}
