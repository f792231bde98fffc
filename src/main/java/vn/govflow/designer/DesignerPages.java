package vn.govflow.designer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import vn.govflow.common.error.UserError;
import vn.govflow.identity.CurrentUser;
import vn.govflow.identity.CurrentUserProvider;
import vn.govflow.identity.Roles;

/**
 * The designer's pages: the list of models and the editors built from {@code frontend/} (bpmn-js, dmn-js, the form
 * editor), the diff and the insight page. The pages only carry the key and GovFlow's words; the scripts talk to
 * {@code /api/v1/designer}, which checks the role and the ownership again on every call.
 */
@Controller
class DesignerPages {
  private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,127}");
  private static final Pattern AGENCY = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  private static final List<String> SCRIPT_KEYS = scriptKeys();

  private final CurrentUserProvider users;
  private final MessageSource messages;
  private final ObjectMapper json;

  DesignerPages(CurrentUserProvider users, MessageSource messages, ObjectMapper json) {
    this.users = users;
    this.messages = messages;
    this.json = json;
  }

  @GetMapping("/designer")
  String list(Model model, Locale locale) {
    designer();
    model.addAttribute("messagesJson", scriptMessages(locale));
    return "designer/list";
  }

  // Only the three kinds: /designer/assets/** and the bundles are static files, not pages.
  @GetMapping("/designer/{kind:bpmn|dmn|form}/{key}")
  String editor(@PathVariable String kind, @PathVariable String key, @RequestParam(required = false) String agency,
                Model model, Locale locale) {
    DesignKind k = kind(kind);
    page(key, agency, model, locale);
    // One template for the three editors: the kind picks the bundle, the title and (for a table) its tests.
    model.addAttribute("kind", k.code());
    model.addAttribute("editorTitle", messages.getMessage("designer.editor." + k.code(), new Object[] {key}, locale));
    return "designer/editor";
  }

  @GetMapping("/designer/bpmn/{key}/diff")
  String diff(@PathVariable String key, @RequestParam(required = false) String agency, Model model, Locale locale) {
    page(key, agency, model, locale);
    return "designer/diff";
  }

  @GetMapping("/designer/bpmn/{key}/insight")
  String insight(@PathVariable String key, Model model, Locale locale) {
    page(key, null, model, locale);
    return "designer/insight";
  }

  private void page(String key, String agency, Model model, Locale locale) {
    designer();
    if (!KEY.matcher(key).matches() || (agency != null && !agency.isBlank() && !AGENCY.matcher(agency).matches())) {
      throw UserError.notFound();
    }
    model.addAttribute("key", key);
    model.addAttribute("agency", agency == null ? "" : agency);
    model.addAttribute("messagesJson", scriptMessages(locale));
  }

  private CurrentUser designer() {
    CurrentUser me = users.require();
    if (!me.hasRole(Roles.PROCESS_DESIGNER)) {
      throw UserError.forbidden("Chỉ người có vai trò thiết kế quy trình mới mở được trình thiết kế.",
          "Only process designers may open the designer.");
    }
    return me;
  }

  private static DesignKind kind(String kind) {
    for (DesignKind k : DesignKind.values()) {
      if (k.name().equalsIgnoreCase(kind)) {
        return k;
      }
    }
    throw UserError.notFound();
  }

  /** GovFlow's words for the scripts (designer.js.*), in the person's language, as JSON for a data attribute. */
  private String scriptMessages(Locale locale) {
    Map<String, String> out = new TreeMap<>();
    SCRIPT_KEYS.forEach(k -> out.put(k, messages.getMessage(k, null, k, locale)));
    try {
      return json.writeValueAsString(out);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> scriptKeys() {
    Properties p = new Properties();
    try (InputStream in = new ClassPathResource("i18n/modules/designer/messages.properties").getInputStream()) {
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("designer messages missing", e);
    }
    return p.stringPropertyNames().stream().filter(k -> k.startsWith("designer.js.")).sorted().toList();
  }
}
