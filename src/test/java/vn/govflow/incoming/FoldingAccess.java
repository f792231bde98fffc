package vn.govflow.incoming;

/** Test-only access to the register's search folding, for benchmarks that seed and query
 * {@code search_text}. */
public final class FoldingAccess {
  private FoldingAccess() {}

  public static String fold(String s) {
    return vn.govflow.casework.SearchText.fold(s);
  }

  public static java.util.List<String> likeTerms(String query) {
    return vn.govflow.casework.SearchText.likeTerms(query);
  }
}
