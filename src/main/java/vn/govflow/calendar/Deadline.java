package vn.govflow.calendar;

import java.time.OffsetDateTime;

/**
 * A computed deadline, in the calendar's zone (+07:00). {@code provisional} is true when a year between receipt
 * and due date has no official schedule loaded, so a later notice may still move the date.
 */
public record Deadline(OffsetDateTime startsAt, OffsetDateTime dueAt, boolean provisional) {}
