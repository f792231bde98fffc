package vn.govflow.designer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.govflow.identity.EngineGroup;
import vn.govflow.identity.IdentityDirectory;
import vn.govflow.identity.Roles;

/**
 * What a user task may name, from the real directory and models: candidate groups as the engine sees them (the
 * province-wide roles and each agency's role groups and departments), and the forms and decisions that exist.
 */
@Component
public class DesignerPickers {
  private final IdentityDirectory directory;
  private final DesignModels models;

  DesignerPickers(IdentityDirectory directory, DesignModels models) {
    this.directory = directory;
    this.models = models;
  }

  public Map<String, Object> pickers() {
    List<Map<String, Object>> groups = new ArrayList<>();
    for (EngineGroup g : directory.groups()) {
      if (EngineGroup.CAMUNDA_ADMIN.equals(g.id()) || "SYSTEM".equals(g.type())) {
        continue;
      }
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", g.id());
      m.put("name", g.name() != null ? g.name() : Roles.NAMES_VI.getOrDefault(g.id(), g.id()));
      m.put("type", g.type());
      groups.add(m);
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("groups", groups);
    out.put("forms", entries(DesignKind.FORM));
    out.put("decisions", entries(DesignKind.DMN));
    return out;
  }

  private List<Map<String, Object>> entries(DesignKind kind) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (String key : models.knownKeys(kind)) {
      Optional<DesignModels.Deployed> deployed = models.deployed(kind, key, null);
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("key", key);
      m.put("name", deployed.map(DesignModels.Deployed::name).filter(n -> !n.isBlank()).orElse(key));
      m.put("module", models.module(kind, key));
      out.add(m);
    }
    return out;
  }
}
