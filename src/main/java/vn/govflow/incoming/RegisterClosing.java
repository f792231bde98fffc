package vn.govflow.incoming;

import java.time.OffsetDateTime;

/**
 * The closing statement of a year's register (Decree 30/2020 Art 22.3b: the register is printed, signed and bound):
 * how many documents it holds, its first and last arrival numbers, when and by whom it was closed.
 */
public record RegisterClosing(String agencyCode, int regYear, long documentCount, Long firstNumber, Long lastNumber,
                              OffsetDateTime closedAt, String closedBy, String closedByName) {}
