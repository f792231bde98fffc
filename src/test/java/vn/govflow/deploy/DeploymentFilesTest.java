package vn.govflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import vn.govflow.identity.DemoPeople;
import vn.govflow.identity.Person;
import vn.govflow.identity.Roles;
import vn.govflow.security.OidcProvider;

/**
 * The deployment files agree with the code: the Keycloak realm holds exactly the demo people with their roles
 * and password, its clients match what GovFlow sends, and docker-compose wires GovFlow to that realm.
 * Plain JUnit: no Spring context, no Docker.
 */
class DeploymentFilesTest {
  private static final Path REALM_FILE = Path.of("deploy/keycloak/govflow-realm.json");
  private static final Path COMPOSE_FILE = Path.of("docker-compose.yml");
  private static final Path DOCKERFILE = Path.of("Dockerfile");
  private static final String WEB_CLIENT = "govflow-web";
  private static final String SERVICE_CLIENT = "govflow-service";

  private static JsonNode realm;
  private static String realmText;
  private static Map<String, Object> services;

  @BeforeAll
  @SuppressWarnings("unchecked")
  static void load() throws IOException {
    realm = new ObjectMapper().readTree(REALM_FILE.toFile());
    realmText = Files.readString(REALM_FILE, StandardCharsets.UTF_8);
    try (Reader r = Files.newBufferedReader(COMPOSE_FILE, StandardCharsets.UTF_8)) {
      Map<String, Object> compose = new Yaml().load(r);
      services = (Map<String, Object>) compose.get("services");
    }
  }

  // ---- realm ---------------------------------------------------------------------------------------------

  @Test
  void realmHasExactlyTheDemoPeople() {
    assertThat(realm.path("realm").asText()).isEqualTo("govflow");
    assertThat(realm.path("enabled").asBoolean()).isTrue();

    Set<String> people = DemoPeople.all().stream().filter(p -> Person.KIND_PERSON.equals(p.kind()))
        .map(Person::username).collect(Collectors.toSet());
    assertThat(people).hasSizeGreaterThan(10);
    assertThat(users().keySet()).containsExactlyInAnyOrderElementsOf(people);
  }

  @Test
  void everyPersonHasNameEmailPasswordAndRolesAsInTheDemoData() {
    Map<String, JsonNode> users = users();
    for (Person p : DemoPeople.all()) {
      if (!Person.KIND_PERSON.equals(p.kind())) {
        continue;
      }
      JsonNode u = users.get(p.username());
      String who = p.username();
      assertThat(u).as(who + " in the realm").isNotNull();
      assertThat(u.path("enabled").asBoolean()).as(who).isTrue();
      assertThat(u.path("emailVerified").asBoolean()).as(who).isTrue();
      assertThat(u.path("email").asText()).as(who).isEqualTo(p.email()).isEqualTo(who + "@laocai.gov.vn");
      assertThat(u.path("firstName").asText()).as(who).isEqualTo(p.givenName());
      assertThat(u.path("lastName").asText()).as(who).isEqualTo(p.familyAndMiddleNames());
      assertThat(u.path("requiredActions")).as(who).isEmpty();

      List<JsonNode> passwords = stream(u.path("credentials"))
          .filter(c -> "password".equals(c.path("type").asText())).toList();
      assertThat(passwords).as(who).hasSize(1);
      assertThat(passwords.get(0).path("value").asText()).as(who).isEqualTo(DemoPeople.password());
      assertThat(passwords.get(0).path("temporary").asBoolean(true)).as(who).isFalse();

      Set<String> govflowRoles = texts(u.path("realmRoles")).stream().filter(Roles.ALL::contains)
          .collect(Collectors.toSet());
      assertThat(govflowRoles).as(who).isEqualTo(p.roles());
      assertThat(texts(u.path("realmRoles"))).as(who)
          .allMatch(r -> Roles.ALL.contains(r) || r.equals("default-roles-govflow"));
    }
  }

  @Test
  void realmRolesAreTheRoleCodes() {
    Set<String> names = stream(realm.path("roles").path("realm")).map(r -> r.path("name").asText())
        .collect(Collectors.toSet());
    assertThat(names).containsExactlyInAnyOrderElementsOf(Roles.ALL);
  }

  @Test
  void webClientIsConfidentialCodeFlowWithPkce() {
    JsonNode web = client(WEB_CLIENT);
    assertThat(web.path("enabled").asBoolean()).isTrue();
    assertThat(web.path("publicClient").asBoolean(true)).isFalse();
    assertThat(web.path("secret").asText()).isEqualTo("govflow-web-secret");
    assertThat(web.path("standardFlowEnabled").asBoolean()).isTrue();
    assertThat(web.path("implicitFlowEnabled").asBoolean(true)).isFalse();
    assertThat(web.path("directAccessGrantsEnabled").asBoolean(true)).isFalse();
    assertThat(web.path("serviceAccountsEnabled").asBoolean(true)).isFalse();
    // GovFlow's public URL is filled in by Keycloak at import (an environment placeholder), never hard-coded.
    assertThat(texts(web.path("redirectUris")))
        .containsExactly("${GOVFLOW_PUBLIC_URL}/login/oauth2/code/" + OidcProvider.REGISTRATION_ID);
    assertThat(web.path("attributes").path("pkce.code.challenge.method").asText()).isEqualTo("S256");
    assertThat(web.path("attributes").path("post.logout.redirect.uris").asText())
        .isEqualTo("${GOVFLOW_PUBLIC_URL}/signed-out");
    assertThat(texts(web.path("webOrigins"))).containsExactly("${GOVFLOW_PUBLIC_URL}");
    assertThat(web.path("rootUrl").asText()).isEqualTo("${GOVFLOW_PUBLIC_URL}");
    assertThat(realmText).doesNotContain("http://localhost:8080");
    // "profile" puts preferred_username (GovFlow's username) in ID and access tokens; "basic" puts sub.
    assertThat(texts(web.path("defaultClientScopes"))).contains("profile", "basic");
  }

  @Test
  void serviceClientTokenNamesTheGovFlowServiceAccount() {
    Set<String> serviceAccounts = DemoPeople.all().stream().filter(p -> Person.KIND_SERVICE.equals(p.kind()))
        .map(Person::username).collect(Collectors.toSet());
    assertThat(serviceAccounts).containsExactly(SERVICE_CLIENT);

    JsonNode svc = client(SERVICE_CLIENT);
    assertThat(svc.path("enabled").asBoolean()).isTrue();
    assertThat(svc.path("publicClient").asBoolean(true)).isFalse();
    assertThat(svc.path("secret").asText()).isEqualTo("govflow-service-secret");
    assertThat(svc.path("serviceAccountsEnabled").asBoolean()).isTrue();
    assertThat(svc.path("standardFlowEnabled").asBoolean(true)).isFalse();
    assertThat(svc.path("implicitFlowEnabled").asBoolean(true)).isFalse();
    assertThat(svc.path("directAccessGrantsEnabled").asBoolean(true)).isFalse();

    List<JsonNode> mappers = stream(svc.path("protocolMappers"))
        .filter(m -> "preferred_username".equals(m.path("config").path("claim.name").asText())).toList();
    assertThat(mappers).hasSize(1);
    JsonNode m = mappers.get(0);
    assertThat(m.path("protocol").asText()).isEqualTo("openid-connect");
    assertThat(m.path("protocolMapper").asText()).isEqualTo("oidc-hardcoded-claim-mapper");
    assertThat(m.path("config").path("claim.value").asText()).isEqualTo(SERVICE_CLIENT);
    assertThat(m.path("config").path("access.token.claim").asText()).isEqualTo("true");
    // Without the "profile" scope nothing else writes preferred_username (service-account-govflow-service).
    assertThat(svc.has("defaultClientScopes")).isTrue();
    assertThat(texts(svc.path("defaultClientScopes"))).doesNotContain("profile").contains("basic");
  }

  @Test
  void noHandWrittenClientScopesThatWouldSuppressKeycloaksBuiltIns() {
    // A "clientScopes" array replaces Keycloak's built-in scopes (basic, profile, ...) on import.
    assertThat(realm.has("clientScopes")).isFalse();
  }

  // ---- docker-compose ------------------------------------------------------------------------------------

  @Test
  void composeWiresGovFlowToTheRealm() {
    Map<String, String> env = environment("govflow");
    assertThat(env.get("GOVFLOW_SSO_EMBEDDED")).isEqualTo("false");
    assertThat(env.get("GOVFLOW_SSO_CLIENT_ID")).isEqualTo(client(WEB_CLIENT).path("clientId").asText());
    assertThat(env.get("GOVFLOW_SSO_CLIENT_SECRET")).isEqualTo(client(WEB_CLIENT).path("secret").asText());
    assertThat(env.get("GOVFLOW_SSO_SERVICE_CLIENT_ID")).isEqualTo(client(SERVICE_CLIENT).path("clientId").asText());
    assertThat(env.get("GOVFLOW_SSO_SERVICE_CLIENT_SECRET"))
        .isEqualTo(client(SERVICE_CLIENT).path("secret").asText());

    String realmPath = "/realms/" + realm.path("realm").asText();
    assertThat(env.get("GOVFLOW_SSO_ISSUER_URI")).endsWith("/realms/govflow").endsWith(realmPath);
    assertThat(env.get("GOVFLOW_SSO_DISCOVERY_URI")).isEqualTo("http://keycloak:8080" + realmPath);

    // The browser-facing URLs registered in the realm are GovFlow's public URL: one compose variable feeds
    // GovFlow and Keycloak's import of the realm's placeholders alike.
    String publicUrl = env.get("GOVFLOW_PUBLIC_URL");
    assertThat(publicUrl).isEqualTo("${GOVFLOW_PUBLIC_URL:-http://localhost:8080}");
    assertThat(environment("keycloak").get("GOVFLOW_PUBLIC_URL")).isEqualTo(publicUrl);
    // No demo accounts unless asked (GOVFLOW_DEMO_DATA=true in the shell that runs compose).
    assertThat(env.get("GOVFLOW_DEMO_DATA")).isEqualTo("${GOVFLOW_DEMO_DATA:-false}");
    assertThat(env.get("GOVFLOW_DATA_DIR")).isEqualTo("/data");
  }

  @Test
  void composeUsesPostgres() {
    Map<String, String> env = environment("govflow");
    Map<String, String> pg = environment("postgres");
    assertThat(image("postgres")).startsWith("postgres:17");
    assertThat(env.get("SPRING_DATASOURCE_URL"))
        .startsWith("jdbc:postgresql://")
        .isEqualTo("jdbc:postgresql://postgres:5432/" + pg.get("POSTGRES_DB"));
    assertThat(env.get("SPRING_DATASOURCE_USERNAME")).isEqualTo(pg.get("POSTGRES_USER"));
    assertThat(env.get("SPRING_DATASOURCE_PASSWORD")).isEqualTo(pg.get("POSTGRES_PASSWORD"));
    assertThat(healthcheck("postgres")).contains("pg_isready");
  }

  @Test
  @SuppressWarnings("unchecked")
  void keycloakIssuerIsTheSameForBrowserAndContainer() {
    Map<String, String> kc = environment("keycloak");
    Map<String, String> env = environment("govflow");
    assertThat(image("keycloak")).startsWith("quay.io/keycloak/keycloak:26");
    // Tokens carry iss = hostname + /realms/<realm>; GovFlow requires exactly its configured issuer URI.
    assertThat(kc.get("KC_HOSTNAME") + "/realms/govflow").isEqualTo(env.get("GOVFLOW_SSO_ISSUER_URI"));
    assertThat(kc.get("KC_HOSTNAME_BACKCHANNEL_DYNAMIC")).isEqualTo("true");
    assertThat(kc.get("KC_HEALTH_ENABLED")).isEqualTo("true");
    assertThat(kc).containsKeys("KC_BOOTSTRAP_ADMIN_USERNAME", "KC_BOOTSTRAP_ADMIN_PASSWORD");

    // The published host port is the one in the hostname.
    int hostPort = URI.create(kc.get("KC_HOSTNAME")).getPort();
    List<Object> ports = (List<Object>) service("keycloak").get("ports");
    assertThat(ports).extracting(String::valueOf).contains(hostPort + ":8080");

    Object command = service("keycloak").get("command");
    assertThat(String.valueOf(command)).contains("start-dev").contains("--import-realm");
    List<Object> volumes = (List<Object>) service("keycloak").get("volumes");
    assertThat(volumes).extracting(String::valueOf)
        .anyMatch(v -> v.startsWith("./" + REALM_FILE.toString().replace('\\', '/') + ":/opt/keycloak/data/import/"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void govflowWaitsForHealthyDependencies() {
    Map<String, Object> govflow = service("govflow");
    assertThat(govflow.get("build")).isNotNull();
    assertThat((List<Object>) govflow.get("ports")).extracting(String::valueOf).contains("8080:8080");
    Map<String, Map<String, Object>> dependsOn = (Map<String, Map<String, Object>>) govflow.get("depends_on");
    assertThat(dependsOn.get("postgres").get("condition")).isEqualTo("service_healthy");
    assertThat(dependsOn.get("keycloak").get("condition")).isEqualTo("service_healthy");
    assertThat(healthcheck("keycloak")).contains("/health/ready").contains("9000");
  }

  @Test
  void dockerfileRunsTheJarAsNonRootWithDataUnderSlashData() throws IOException {
    String df = Files.readString(DOCKERFILE);
    assertThat(df).contains("mvn -B -DskipTests package").contains("target/govflow-*.jar")
        .contains("GOVFLOW_DATA_DIR=/data").contains("GOVFLOW_DEMO_DATA=false").contains("EXPOSE 8080")
        .contains("/actuator/health")
        .containsPattern("(?m)^USER (?!root)\\S+").containsPattern("(?m)^FROM .*17.*jre");
  }

  // ---- helpers -------------------------------------------------------------------------------------------

  private static Map<String, JsonNode> users() {
    Map<String, JsonNode> users = new LinkedHashMap<>();
    for (JsonNode u : realm.path("users")) {
      assertThat(users.put(u.path("username").asText(), u)).as("duplicate user").isNull();
    }
    return users;
  }

  private static JsonNode client(String clientId) {
    List<JsonNode> found = stream(realm.path("clients"))
        .filter(c -> clientId.equals(c.path("clientId").asText())).toList();
    assertThat(found).as("client " + clientId).hasSize(1);
    return found.get(0);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> service(String name) {
    assertThat(services).containsKey(name);
    return (Map<String, Object>) services.get(name);
  }

  private static String image(String name) {
    return String.valueOf(service(name).get("image"));
  }

  @SuppressWarnings("unchecked")
  private static String healthcheck(String name) {
    Map<String, Object> hc = (Map<String, Object>) service(name).get("healthcheck");
    assertThat(hc).as("healthcheck of " + name).isNotNull();
    return String.valueOf(hc.get("test"));
  }

  /** A service's environment as a map, whether written as a map or as a list of NAME=value. */
  @SuppressWarnings("unchecked")
  private static Map<String, String> environment(String name) {
    Object env = service(name).get("environment");
    Map<String, String> out = new LinkedHashMap<>();
    if (env instanceof Map<?, ?> m) {
      m.forEach((k, v) -> out.put(String.valueOf(k), v == null ? null : String.valueOf(v)));
    } else if (env instanceof List<?> l) {
      for (Object o : l) {
        String s = String.valueOf(o);
        int i = s.indexOf('=');
        out.put(i < 0 ? s : s.substring(0, i), i < 0 ? null : s.substring(i + 1));
      }
    }
    return out;
  }

  private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false);
  }

  private static Set<String> texts(JsonNode array) {
    return stream(array).map(JsonNode::asText).collect(Collectors.toCollection(HashSet::new));
  }
}
