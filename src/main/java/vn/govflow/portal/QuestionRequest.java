package vn.govflow.portal;

/**
 * A question as the portal form sends it (seed 003 Art 11.3: an individual gives full name, nationality,
 * occupation and address; an organisation its representative's name and position, its establishment decision
 * or licence number and its head-office address).
 */
public record QuestionRequest(
    String askerType,
    String category,
    String fullName,
    String nationality,
    String occupation,
    String address,
    String organisationName,
    String representativePosition,
    String establishmentDecision,
    String headOfficeAddress,
    String email,
    String phone,
    String field,
    String agencyCode,
    String question,
    Boolean consent) {}
