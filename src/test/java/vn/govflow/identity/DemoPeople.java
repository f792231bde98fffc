package vn.govflow.identity;

import java.util.List;

/** Test-only window on the package-private demo data, for tests in other packages. */
public final class DemoPeople {
  private DemoPeople() {}

  public static List<Person> all() {
    return DemoDataLoader.people();
  }

  public static String password() {
    return DemoDataLoader.DEMO_PASSWORD;
  }
}
