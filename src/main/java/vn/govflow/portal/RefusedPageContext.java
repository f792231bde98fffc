package vn.govflow.portal;

/**
 * What the portal header needs about the page ({@code here}, see vn.govflow.web.PageContext) when the refusal page is
 * rendered by {@link PublicBodyLimits}, outside Spring MVC and so without the controller advice: the way back to
 * the form in the other language; no menu entry is the current page. Public: the template reads it reflectively
 * (a record: data, as the module boundaries allow).
 */
public record RefusedPageContext(String languageSwitchUrl) {
  public String getLanguageSwitchUrl() {
    return languageSwitchUrl;
  }

  public String current(String entry) {
    return null;
  }

  public String exactly(String entry) {
    return null;
  }
}
