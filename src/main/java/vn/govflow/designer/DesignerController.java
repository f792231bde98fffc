package vn.govflow.designer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.govflow.common.error.UserError;
import vn.govflow.identity.CurrentUser;
import vn.govflow.identity.CurrentUserProvider;

/**
 * The designer's API (docs: /work/briefs/s6/designer-contract.md, README "Process designer"): models, drafts with
 * history, validation, deployment, element templates and pickers. Process designers only (403 otherwise).
 */
@RestController
@RequestMapping("/api/v1/designer")
class DesignerController {
  private final CurrentUserProvider users;
  private final DesignOwnership ownership;
  private final DesignModels models;
  private final DesignDrafts drafts;
  private final DesignValidation validation;
  private final DesignDeployment deployment;
  private final ElementTemplates templates;
  private final DesignerPickers pickers;

  DesignerController(CurrentUserProvider users, DesignOwnership ownership, DesignModels models, DesignDrafts drafts,
                     DesignValidation validation, DesignDeployment deployment, ElementTemplates templates,
                     DesignerPickers pickers) {
    this.users = users;
    this.ownership = ownership;
    this.models = models;
    this.drafts = drafts;
    this.validation = validation;
    this.deployment = deployment;
    this.templates = templates;
    this.pickers = pickers;
  }

  record DraftRequest(String content, String comment, String agency) {}

  record ValidateRequest(String kind, String key, String content, String agency) {}

  record DeployRequest(Integer revision, String versionTag, String comment, String agency) {}

  @GetMapping("/models")
  List<Map<String, Object>> models() {
    CurrentUser me = designer();
    Set<String> ids = new LinkedHashSet<>();
    models.files().stream().sorted(DesignModels.order()).forEach(f -> ids.add(f.kind().code() + ":" + f.key()));
    for (DesignKind kind : DesignKind.values()) {
      models.deployedKeys(kind).forEach(k -> ids.add(kind.code() + ":" + k));
    }
    drafts.drafted().forEach(d -> ids.add(d[0] + ":" + d[1]));
    List<Map<String, Object>> out = new ArrayList<>();
    for (String id : ids) {
      DesignKind kind = DesignKind.fromCode(id.substring(0, id.indexOf(':'))).orElseThrow();
      String key = id.substring(id.indexOf(':') + 1);
      Optional<DesignModels.Deployed> deployed = models.deployed(kind, key, null);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("kind", kind.code());
      m.put("key", key);
      m.put("name", deployed.map(DesignModels.Deployed::name).filter(n -> !n.isBlank()).orElse(key));
      m.put("module", models.module(kind, key));
      m.put("owner", null);
      m.put("variants", List.copyOf(models.variants(kind, key)));
      m.put("deployed", deployed.map(DesignerController::deployedJson).orElse(null));
      m.put("draft", drafts.latest(kind, key, null).map(DesignerController::revisionJson).orElse(null));
      // A release changed this model over a designer's deployed version: its draft waits for a designer (#10).
      m.put("releasePending", drafts.releasePending(kind, key).map(r -> {
        Map<String, Object> p = revisionJson(r);
        p.put("release", r.author().substring(ReleaseDeployment.AUTHOR_PREFIX.length()));
        p.put("labelVi", "bản phát hành mới chưa áp dụng");
        p.put("labelEn", "release version not applied");
        return p;
      }).orElse(null));
      m.put("mayDeploy", ownership.mayDeploy(me, null));
      // Beyond the contract: whether this designer may deploy their own agency's variant of it.
      m.put("mayDeployVariant", ownership.mayDeploy(me, me.agencyCode()));
      out.add(m);
    }
    return out;
  }

  @GetMapping("/models/{kind}/{key}")
  Map<String, Object> model(@PathVariable String kind, @PathVariable String key,
                            @RequestParam(required = false) String agency) {
    DesignKind k = kind(kind);
    checkKey(key);
    ownership.requireMayEdit(designer(), blankToNull(agency));
    String a = blankToNull(agency);
    Optional<DesignDrafts.Draft> draft = drafts.latest(k, key, a);
    Optional<byte[]> deployedContent = a == null ? models.deployedContent(k, key, null)
        : models.deployedContent(k, key, a).or(() -> models.deployedContent(k, key, null));
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("kind", k.code());
    m.put("key", key);
    m.put("agency", a);
    if (draft.isPresent()) {
      m.put("content", draft.get().content());
      m.put("source", "draft");
      m.put("revision", draft.get().revision());
    } else if (deployedContent.isPresent()) {
      m.put("content", text(deployedContent.get()));
      m.put("source", "deployed");
      m.put("revision", null);
    } else {
      DesignModels.ModelFile file = models.file(k, key).orElseThrow(UserError::notFound);
      m.put("content", text(file.content()));
      m.put("source", "file");
      m.put("revision", null);
    }
    m.put("deployedContent", deployedContent.map(DesignerController::text).orElse(null));
    return m;
  }

  @GetMapping("/models/{kind}/{key}/revisions")
  List<Map<String, Object>> revisions(@PathVariable String kind, @PathVariable String key,
                                      @RequestParam(required = false) String agency) {
    DesignKind k = kind(kind);
    checkKey(key);
    ownership.requireMayEdit(designer(), blankToNull(agency));
    return drafts.revisions(k, key, blankToNull(agency)).stream().map(DesignerController::revisionJson).toList();
  }

  @GetMapping("/models/{kind}/{key}/revisions/{n}")
  Map<String, Object> revision(@PathVariable String kind, @PathVariable String key, @PathVariable int n,
                               @RequestParam(required = false) String agency) {
    DesignKind k = kind(kind);
    checkKey(key);
    ownership.requireMayEdit(designer(), blankToNull(agency));
    DesignDrafts.Draft d = drafts.revision(k, key, blankToNull(agency), n).orElseThrow(UserError::notFound);
    Map<String, Object> m = revisionJson(d.summary());
    m.put("content", d.content());
    return m;
  }

  @PostMapping("/models/{kind}/{key}/drafts")
  @ResponseStatus(HttpStatus.CREATED)
  Map<String, Object> saveDraft(@PathVariable String kind, @PathVariable String key,
                                @RequestParam(required = false) String agency, @RequestBody DraftRequest body) {
    DesignKind k = kind(kind);
    checkKey(key);
    CurrentUser me = designer();
    String a = blankToNull(body.agency() != null ? body.agency() : agency);
    ownership.requireMayEdit(me, a);
    int revision = drafts.save(k, key, a, body.content(), body.comment(), me.username());
    return Map.of("revision", revision);
  }

  @PostMapping("/validate")
  Map<String, Object> validate(@RequestBody ValidateRequest body) {
    CurrentUser me = designer();
    DesignKind k = kind(body.kind());
    checkKey(body.key());
    if (body.content() == null || body.content().isBlank()) {
      throw UserError.badRequest("content-missing", "Thiếu nội dung mô hình.", "The model's content is missing.");
    }
    String a = blankToNull(body.agency());
    ownership.requireMayEdit(me, a);
    List<DesignProblem> problems = validation.validate(k, body.key(), a,
        body.content().getBytes(StandardCharsets.UTF_8), me);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("ok", DesignValidation.ok(problems));
    m.put("problems", problems.stream().map(DesignerController::problemJson).toList());
    return m;
  }

  @PostMapping("/models/{kind}/{key}/deploy")
  @ResponseStatus(HttpStatus.CREATED)
  Map<String, Object> deploy(@PathVariable String kind, @PathVariable String key,
                             @RequestParam(required = false) String agency,
                             @RequestBody(required = false) DeployRequest body) {
    DesignKind k = kind(kind);
    checkKey(key);
    CurrentUser me = designer();
    DeployRequest b = body == null ? new DeployRequest(null, null, null, null) : body;
    String a = blankToNull(b.agency() != null ? b.agency() : agency);
    DesignDeployment.Result r = deployment.deploy(k, key, a, b.revision(), b.versionTag(), b.comment(), me);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("deploymentId", r.deploymentId());
    m.put("version", r.version());
    m.put("resources", r.resources());
    return m;
  }

  @GetMapping("/element-templates")
  List<Map<String, Object>> elementTemplates(java.util.Locale locale) {
    designer();
    // In the person's language (the request's locale, as the pages use it).
    return templates.templates(locale);
  }

  @GetMapping("/pickers")
  Map<String, Object> pickers() {
    designer();
    return pickers.pickers();
  }

  static Map<String, Object> problemJson(DesignProblem p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("elementId", p.elementId());
    m.put("rule", p.rule());
    m.put("severity", p.severity().name());
    m.put("messageVi", p.messageVi());
    m.put("messageEn", p.messageEn());
    return m;
  }

  private static Map<String, Object> deployedJson(DesignModels.Deployed d) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("version", d.version());
    m.put("versionTag", d.versionTag());
    m.put("deploymentId", d.deploymentId());
    m.put("deployedAt", d.deployedAt() == null ? null : d.deployedAt().toString());
    return m;
  }

  private static Map<String, Object> revisionJson(DesignDrafts.Revision r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("revision", r.revision());
    m.put("author", r.author());
    m.put("at", r.at() == null ? null : r.at().toString());
    m.put("comment", r.comment());
    return m;
  }

  private static Map<String, Object> revisionJson(DesignDrafts.Draft d) {
    return revisionJson(d.summary());
  }

  private CurrentUser designer() {
    CurrentUser me = users.require();
    ownership.requireDesigner(me);
    return me;
  }

  private static DesignKind kind(String code) {
    return DesignKind.fromCode(code == null ? "" : code).orElseThrow(() -> UserError.badRequest("kind",
        "Loại mô hình phải là bpmn, dmn hoặc form.", "The kind must be bpmn, dmn or form."));
  }

  private static void checkKey(String key) {
    if (key == null || !key.matches("[A-Za-z][A-Za-z0-9_.-]{0,99}")) {
      throw UserError.badRequest("key", "Mã mô hình không hợp lệ.", "The model key is not valid.");
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
