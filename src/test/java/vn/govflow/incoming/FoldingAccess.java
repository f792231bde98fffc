package vn.govflow.incoming;

/** Test-only access to the register's search folding, for benchmarks that seed {@code search_text}. */
public final class FoldingAccess {
  private FoldingAccess() {}

  public static String fold(String s) {
    return Folding.fold(s);
  }
}
