package vn.govflow.common;

import java.util.UUID;

/** Record ids are UUIDs; anything else in a URL is simply "not found", never a database error. */
public final class Ids {
  private Ids() {}

  public static boolean isUuid(String id) {
    if (id == null) {
      return false;
    }
    try {
      return UUID.fromString(id).toString().equals(id.toLowerCase());
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
