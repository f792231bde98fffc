package vn.govflow.identity;

import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Two demo agencies with departments and a person in every role, loaded once into an empty directory when
 * {@code govflow.demo-data} is true (the default for the embedded run). The same people, with the same
 * password, are in the Keycloak realm export used by docker-compose.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DemoDataLoader implements ApplicationRunner {
  private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);
  public static final String DEMO_PASSWORD = "Demo@2026";

  static final String SKHCN = "000.00.12.H37";
  static final String VPUBND = "000.00.01.H37";

  private final IdentityDirectory directory;
  private final PasswordEncoder passwordEncoder;
  private final boolean enabled;
  private final String publicUrl;

  DemoDataLoader(IdentityDirectory directory, PasswordEncoder passwordEncoder,
                 @Value("${govflow.demo-data:true}") boolean enabled,
                 @Value("${govflow.public-url:http://localhost:8080}") String publicUrl) {
    this.directory = directory;
    this.passwordEncoder = passwordEncoder;
    this.enabled = enabled;
    this.publicUrl = publicUrl;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    if (!enabled) {
      refuseLeftoverDemoAccounts();
      return;
    }
    if (!directory.isEmpty()) {
      return;
    }
    agencies().forEach(directory::insertAgency);
    departments().forEach(directory::insertDepartment);
    positions().forEach(directory::insertJobPosition);
    String hash = passwordEncoder.encode(DEMO_PASSWORD);
    for (Person p : people()) {
      directory.insertPerson(new Person(p.username(), p.fullName(), p.email(), p.agencyCode(), p.departmentId(),
          p.jobPositionCode(), p.kind(), Person.KIND_PERSON.equals(p.kind()) ? hash : null, true, p.roles()));
    }
    directory.refresh();
    log.info("Loaded demo data: {} agencies, {} people", agencies().size(), people().size());
  }

  /**
   * GOVFLOW_DEMO_DATA=false does not remove demo people loaded by an earlier run. On a public address (the
   * production-safety check lets it through only with demo data off) a demo account that still signs in with the
   * published password stops the start, naming the accounts.
   */
  void refuseLeftoverDemoAccounts() {
    if (isLocal(publicUrl)) {
      return;
    }
    List<String> open = people().stream().filter(p -> Person.KIND_PERSON.equals(p.kind()))
        .map(p -> directory.person(p.username()).orElse(null))
        .filter(p -> p != null && p.active() && p.passwordHash() != null
            && passwordEncoder.matches(DEMO_PASSWORD, p.passwordHash()))
        .map(Person::username).toList();
    if (!open.isEmpty()) {
      throw new IllegalStateException("GovFlow will not start on the public address " + publicUrl + ": the demo "
          + "accounts " + String.join(", ", open) + " still sign in with the password published in the README. "
          + "Deactivate them (UPDATE idn_person SET active = FALSE WHERE username IN (...)) or give them passwords "
          + "of their own, or start from an empty database.");
    }
  }

  /** The same reading of "local" as security.ProductionSafetyCheck (which runs before any bean exists). */
  static boolean isLocal(String url) {
    try {
      String host = java.net.URI.create(url.trim()).getHost();
      return host != null
          && Set.of("localhost", "127.0.0.1", "::1", "[::1]").contains(host.toLowerCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  static List<Agency> agencies() {
    return List.of(
        new Agency(VPUBND, "vpubnd", "Văn phòng Ủy ban nhân dân tỉnh", "Provincial People's Committee Office",
            null, true),
        new Agency(SKHCN, "skhcn", "Sở Khoa học và Công nghệ", "Department of Science and Technology",
            null, true));
  }

  static List<Department> departments() {
    return List.of(
        new Department("vpubnd-hcto", VPUBND, "hcto", "Phòng Hành chính – Tổ chức",
            "Administration and Organisation Division"),
        new Department("vpubnd-kgvx", VPUBND, "kgvx", "Phòng Khoa giáo – Văn xã",
            "Science, Education and Social Affairs Division"),
        new Department("skhcn-vp", SKHCN, "vp", "Văn phòng Sở", "Department Office"),
        new Department("skhcn-cds", SKHCN, "cds", "Phòng Chuyển đổi số", "Digital Transformation Division"),
        new Department("skhcn-qlkh", SKHCN, "qlkh", "Phòng Quản lý khoa học", "Science Management Division"));
  }

  static List<JobPosition> positions() {
    return List.of(
        new JobPosition("giam-doc", "Giám đốc Sở", "Director"),
        new JobPosition("pho-giam-doc", "Phó Giám đốc Sở", "Deputy Director"),
        new JobPosition("chanh-van-phong", "Chánh Văn phòng", "Chief of Office"),
        new JobPosition("pho-chanh-van-phong", "Phó Chánh Văn phòng", "Deputy Chief of Office"),
        new JobPosition("truong-phong", "Trưởng phòng", "Head of Division"),
        new JobPosition("chuyen-vien", "Chuyên viên", "Officer"),
        new JobPosition("van-thu", "Văn thư", "Clerk"),
        new JobPosition("luu-tru-vien", "Lưu trữ viên", "Archivist"),
        new JobPosition("quan-tri-he-thong", "Quản trị hệ thống", "System administrator"),
        new JobPosition("bien-tap-vien", "Biên tập viên", "Editor"));
  }

  /** Account names follow seed 001 Art 6.4: given name + initials of family and middle names + "." + agency. */
  static List<Person> people() {
    return List.of(
        person("lannt.skhcn", "Nguyễn Thị Lan", SKHCN, "skhcn-vp", "van-thu", Roles.CLERK),
        person("hungtv.skhcn", "Trần Văn Hùng", SKHCN, null, "giam-doc", Roles.HEAD),
        person("tuanlm.skhcn", "Lê Minh Tuấn", SKHCN, null, "pho-giam-doc", Roles.DEPUTY_HEAD),
        person("hapt.skhcn", "Phạm Thu Hà", SKHCN, "skhcn-cds", "truong-phong", Roles.DEPARTMENT_HEAD),
        person("anhdd.skhcn", "Đỗ Đức Anh", SKHCN, "skhcn-cds", "chuyen-vien", Roles.HANDLER),
        person("maivt.skhcn", "Vũ Thị Mai", SKHCN, "skhcn-qlkh", "chuyen-vien", Roles.HANDLER),
        person("namhv.skhcn", "Hoàng Văn Nam", SKHCN, "skhcn-vp", "luu-tru-vien", Roles.ARCHIVIST),
        person("huybq.skhcn", "Bùi Quang Huy", SKHCN, "skhcn-cds", "chuyen-vien", Roles.PROCESS_DESIGNER,
            Roles.HANDLER),
        person("khailv.skhcn", "Lương Văn Khải", SKHCN, "skhcn-cds", "quan-tri-he-thong", Roles.ADMIN),
        person("hoadt.vpubnd", "Đặng Thị Hoa", VPUBND, "vpubnd-hcto", "van-thu", Roles.CLERK),
        person("sonnv.vpubnd", "Ngô Văn Sơn", VPUBND, null, "chanh-van-phong", Roles.HEAD),
        person("hanhlt.vpubnd", "Lý Thị Hạnh", VPUBND, null, "pho-chanh-van-phong", Roles.DEPUTY_HEAD),
        person("dungtv.vpubnd", "Trịnh Văn Dũng", VPUBND, "vpubnd-kgvx", "truong-phong", Roles.DEPARTMENT_HEAD),
        person("thaomt.vpubnd", "Mai Thị Thảo", VPUBND, "vpubnd-kgvx", "chuyen-vien", Roles.HANDLER),
        person("loipv.vpubnd", "Phan Văn Lợi", VPUBND, "vpubnd-hcto", "luu-tru-vien", Roles.ARCHIVIST),
        person("ngocct.vpubnd", "Cao Thị Ngọc", VPUBND, "vpubnd-hcto", "bien-tap-vien", Roles.PORTAL_EDITOR),
        new Person("govflow-service", "Dịch vụ tích hợp GovFlow", null, VPUBND, null, null, Person.KIND_SERVICE,
            null, true, Set.of()));
  }

  private static Person person(String username, String fullName, String agency, String department,
                               String position, String... roles) {
    return new Person(username, fullName, username + "@laocai.gov.vn",
        agency, department, position, Person.KIND_PERSON, null, true, Set.of(roles));
  }
}
