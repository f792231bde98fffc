package vn.govflow.incoming;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * What the clerk enters to register an incoming document (the JSON part {@code document} of the upload).
 *
 * @param arrivedAt        ngày, giờ đến; now when omitted
 * @param channel          ELECTRONIC (default), PAPER, EMAIL
 * @param senderAgencyCode tác giả from the directory (mã định danh), or null with {@code senderName} free text
 * @param secrecy          độ mật: anything but empty is refused here (secret documents have their own channel)
 * @param directingLeader  the leader the clerk presents it to (optional; otherwise the agency's leaders)
 * @param confirmDuplicate true to register although a likely duplicate exists
 * @param signerName       người ký (App VI SignerInfo.FullName, field 14)
 * @param signerPosition   the signer's position (SignerInfo.Position)
 * @param language         the document's language; Tiếng Việt when omitted
 * @param codeNumber       CodeNumber (the "15" of 15/QĐ-UBND); derived from {@code numberSymbol} when omitted
 * @param codeNotation     CodeNotation (the "QĐ-UBND"); derived from {@code numberSymbol} when omitted
 * @param lateReason       why the document is registered after the window of Art 4.2c (required then)
 * @param forwardTo        a person (username) or department (id) of the agency the clerk passes the document to
 *                         directly, the leader being informed (Decree 30/2020 Art 23.1); null: to the leader
 */
public record RegistrationRequest(
    OffsetDateTime arrivedAt,
    String channel,
    String senderAgencyCode,
    String senderName,
    String numberSymbol,
    LocalDate documentDate,
    String documentType,
    String summary,
    String urgency,
    Integer pageCount,
    String recipient,
    String note,
    Boolean bulkyDossier,
    String secrecy,
    String directingLeader,
    Boolean confirmDuplicate,
    String signerName,
    String signerPosition,
    String language,
    String codeNumber,
    String codeNotation,
    String lateReason,
    String forwardTo) {

  /** The request as it was before the App VI metadata and the late reason (callers that set none of them). */
  public RegistrationRequest(OffsetDateTime arrivedAt, String channel, String senderAgencyCode, String senderName,
                             String numberSymbol, LocalDate documentDate, String documentType, String summary,
                             String urgency, Integer pageCount, String recipient, String note, Boolean bulkyDossier,
                             String secrecy, String directingLeader, Boolean confirmDuplicate) {
    this(arrivedAt, channel, senderAgencyCode, senderName, numberSymbol, documentDate, documentType, summary, urgency,
        pageCount, recipient, note, bulkyDossier, secrecy, directingLeader, confirmDuplicate, null, null, null, null,
        null, null, null);
  }
}
