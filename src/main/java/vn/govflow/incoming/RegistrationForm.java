package vn.govflow.incoming;

import vn.govflow.documents.DocumentType;
import vn.govflow.casework.Urgency;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.springframework.format.annotation.DateTimeFormat;

/** The registration page's fields, bound from the HTML form and turned into a {@link RegistrationRequest}. */
public class RegistrationForm {
  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
  private LocalDateTime arrivedAt;
  private String channel = "ELECTRONIC";
  private String senderAgencyCode;
  private String senderName;
  private String numberSymbol;
  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
  private LocalDate documentDate;
  // The type's name as the clerk chose or typed it (a datalist of known names; any other name is accepted).
  private String documentType = DocumentType.CONG_VAN.nameVi();
  private String summary;
  private String urgency = Urgency.THUONG.code();
  private Integer pageCount;
  private String recipient;
  private String note;
  private boolean bulkyDossier;
  private String secrecy;
  private String directingLeader;
  private boolean confirmDuplicate;
  private String signerName;
  private String signerPosition;
  private String language = RegistrationRules.DEFAULT_LANGUAGE;
  private String codeNumber;
  private String codeNotation;
  private String lateReason;
  private String forwardTo;

  RegistrationRequest toRequest(ZoneId zone) {
    return new RegistrationRequest(arrivedAt == null ? null : arrivedAt.atZone(zone).toOffsetDateTime(), channel,
        blank(senderAgencyCode), senderName, numberSymbol, documentDate, documentType, summary, urgency, pageCount,
        recipient, note, bulkyDossier, blank(secrecy), blank(directingLeader), confirmDuplicate, blank(signerName),
        blank(signerPosition), blank(language), blank(codeNumber), blank(codeNotation), blank(lateReason), blank(forwardTo));
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  public LocalDateTime getArrivedAt() { return arrivedAt; }
  public void setArrivedAt(LocalDateTime arrivedAt) { this.arrivedAt = arrivedAt; }
  public String getChannel() { return channel; }
  public void setChannel(String channel) { this.channel = channel; }
  public String getSenderAgencyCode() { return senderAgencyCode; }
  public void setSenderAgencyCode(String senderAgencyCode) { this.senderAgencyCode = senderAgencyCode; }
  public String getSenderName() { return senderName; }
  public void setSenderName(String senderName) { this.senderName = senderName; }
  public String getNumberSymbol() { return numberSymbol; }
  public void setNumberSymbol(String numberSymbol) { this.numberSymbol = numberSymbol; }
  public LocalDate getDocumentDate() { return documentDate; }
  public void setDocumentDate(LocalDate documentDate) { this.documentDate = documentDate; }
  public String getDocumentType() { return documentType; }
  public void setDocumentType(String documentType) { this.documentType = documentType; }
  public String getSummary() { return summary; }
  public void setSummary(String summary) { this.summary = summary; }
  public String getUrgency() { return urgency; }
  public void setUrgency(String urgency) { this.urgency = urgency; }
  public Integer getPageCount() { return pageCount; }
  public void setPageCount(Integer pageCount) { this.pageCount = pageCount; }
  public String getRecipient() { return recipient; }
  public void setRecipient(String recipient) { this.recipient = recipient; }
  public String getNote() { return note; }
  public void setNote(String note) { this.note = note; }
  public boolean isBulkyDossier() { return bulkyDossier; }
  public void setBulkyDossier(boolean bulkyDossier) { this.bulkyDossier = bulkyDossier; }
  public String getSecrecy() { return secrecy; }
  public void setSecrecy(String secrecy) { this.secrecy = secrecy; }
  public String getDirectingLeader() { return directingLeader; }
  public void setDirectingLeader(String directingLeader) { this.directingLeader = directingLeader; }
  public boolean isConfirmDuplicate() { return confirmDuplicate; }
  public void setConfirmDuplicate(boolean confirmDuplicate) { this.confirmDuplicate = confirmDuplicate; }
  public String getSignerName() { return signerName; }
  public void setSignerName(String signerName) { this.signerName = signerName; }
  public String getSignerPosition() { return signerPosition; }
  public void setSignerPosition(String signerPosition) { this.signerPosition = signerPosition; }
  public String getLanguage() { return language; }
  public void setLanguage(String language) { this.language = language; }
  public String getCodeNumber() { return codeNumber; }
  public void setCodeNumber(String codeNumber) { this.codeNumber = codeNumber; }
  public String getCodeNotation() { return codeNotation; }
  public void setCodeNotation(String codeNotation) { this.codeNotation = codeNotation; }
  public String getLateReason() { return lateReason; }
  public void setLateReason(String lateReason) { this.lateReason = lateReason; }
  public String getForwardTo() { return forwardTo; }
  public void setForwardTo(String forwardTo) { this.forwardTo = forwardTo; }
}
