package vn.govflow.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import vn.govflow.support.H2IntegrationTest;

/**
 * The files a refused form keeps (issue #11), for the registration, the draft and the citizen's question: held
 * for their owner only (an anonymous hold by its token alone), checked as the files module stores them (a failing
 * file is named and not held), listed with their field, read back byte for byte, removed when unticked, gone after
 * the keep time or when too many holds pile up, still there after a restart, and never in the database.
 */
class HeldUploadsH2Test extends H2IntegrationTest {
  private static final String LAN = "lannt.skhcn";
  private static final String HOA = "hoadt.vpubnd";

  @Test
  void heldFilesAreTheirOwnersAreCheckedListedRemovedAndSwept() throws Exception {
    HeldUploads held = bean(HeldUploads.class);
    JdbcTemplate jdbc = bean(JdbcTemplate.class);
    int rowsBefore = jdbc.queryForObject("SELECT COUNT(*) FROM stored_file", Integer.class);

    HeldUploads.Result first = held.hold(null, LAN, "draft", "du-thao.txt", text("Dự thảo công văn"));
    assertThat(first.held()).isTrue();
    String token = first.token();
    assertThat(token).matches("[0-9a-f]{32}");
    // Further files of the same form go under the same token, each with the field it was attached to.
    assertThat(held.hold(token, LAN, "appendices", "phu-luc.txt", text("Phụ lục kinh phí")).token())
        .isEqualTo(token);
    // Attached again after a refusal: the first copy is kept, not a second one.
    assertThat(held.hold(token, LAN, "appendices", "phu-luc.txt", text("Phụ lục kinh phí")).held()).isTrue();
    List<HeldUploads.HeldFile> files = held.held(token, LAN);
    assertThat(files).extracting(HeldUploads.HeldFile::field, HeldUploads.HeldFile::name)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("draft", "du-thao.txt"),
            org.assertj.core.groups.Tuple.tuple("appendices", "phu-luc.txt"));
    assertThat(files.get(0).size()).isEqualTo("Dự thảo công văn".getBytes(StandardCharsets.UTF_8).length);
    assertThat(read(held.content(token, LAN, files.get(0).index()))).isEqualTo("Dự thảo công văn");

    // Someone else's token shows them nothing, removes nothing, reads nothing; their files go under their own.
    assertThat(held.held(token, HOA)).isEmpty();
    held.remove(token, HOA, List.of(files.get(0).index()));
    assertThat(held.held(token, LAN)).hasSize(2);
    assertThatThrownBy(() -> held.content(token, HOA, files.get(0).index()).open())
        .isInstanceOf(NoSuchFileException.class);
    String hoas = held.hold(token, HOA, "files", "khac.txt", text("Văn bản khác")).token();
    assertThat(hoas).isNotEqualTo(token);
    assertThat(held.held(hoas, HOA)).extracting(HeldUploads.HeldFile::name).containsExactly("khac.txt");
    // Nor does an anonymous form see a signed-in person's hold.
    assertThat(held.held(token, HeldUploads.ANONYMOUS)).isEmpty();

    // A file whose content is not what its name says is refused by name, in both languages, and not held.
    HeldUploads.Result refused = held.hold(token, LAN, "appendices", "ban-quet.pdf", text("Không phải PDF"));
    assertThat(refused.held()).isFalse();
    assertThat(refused.token()).isEqualTo(token);
    assertThat(refused.refusal().name()).isEqualTo("ban-quet.pdf");
    assertThat(refused.refusal().messageVi()).contains("không khớp");
    assertThat(refused.refusal().messageEn()).isNotBlank();
    assertThat(held.held(token, LAN)).extracting(HeldUploads.HeldFile::name)
        .containsExactly("du-thao.txt", "phu-luc.txt");
    // Refused with no hold yet: no token either.
    assertThat(held.hold(null, LAN, "files", "ban-quet.pdf", text("Không phải PDF")).token()).isNull();

    // Unticked: the file goes, the rest stays.
    held.remove(token, LAN, List.of(files.get(1).index()));
    assertThat(held.held(token, LAN)).extracting(HeldUploads.HeldFile::name).containsExactly("du-thao.txt");
    assertThatThrownBy(() -> held.content(token, LAN, files.get(1).index()).open())
        .isInstanceOf(NoSuchFileException.class);

    // A restart: another instance over the same data directory finds the hold as it was.
    HeldUploads restarted = new HeldUploads(bean(Environment.class).getProperty("govflow.data-dir"),
        bean(FileService.class), bean(PlatformTransactionManager.class), Duration.ofHours(24));
    assertThat(restarted.held(token, LAN)).extracting(HeldUploads.HeldFile::name).containsExactly("du-thao.txt");
    assertThat(read(restarted.content(token, LAN, files.get(0).index()))).isEqualTo("Dự thảo công văn");

    // Nothing of any of this is in the database: the checks' rows were rolled back.
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM stored_file", Integer.class)).isEqualTo(rowsBefore);

    // Nobody came back within the keep time (24 h): the sweep deletes the hold and its files.
    Path dir = holdDir(token);
    Files.setLastModifiedTime(dir.resolve("owner"), FileTime.from(Instant.now().minus(2, ChronoUnit.DAYS)));
    assertThat(held.sweep()).isGreaterThanOrEqualTo(1);
    assertThat(held.held(token, LAN)).isEmpty();
    assertThat(Files.exists(dir)).isFalse();
    assertThat(held.held(hoas, HOA)).hasSize(1); // a recent hold stays

    // After the real submit the hold is discarded.
    held.discard(hoas, HOA);
    assertThat(held.held(hoas, HOA)).isEmpty();
    assertThat(Files.exists(holdDir(hoas))).isFalse();
  }

  @Test
  void anAnonymousHoldIsKeyedByItsTokenAndChecksUnderTheStoredName() throws Exception {
    HeldUploads held = bean(HeldUploads.class);
    // The citizen's own name is shown; the check uses the name the question will store the file under.
    HeldUploads.Result r = held.hold(null, HeldUploads.ANONYMOUS, "files", "Học bạ lớp 9.txt", "Hoc_ba_lop_9.txt",
        text("Học bạ"));
    assertThat(r.held()).isTrue();
    assertThat(held.held(r.token(), HeldUploads.ANONYMOUS)).extracting(HeldUploads.HeldFile::name)
        .containsExactly("Học bạ lớp 9.txt");
    // Checked under the citizen's name, it fails the naming rules: not held.
    assertThat(held.hold(r.token(), HeldUploads.ANONYMOUS, "files", "Học bạ.txt", text("x")).held()).isFalse();
    // A signed-in person cannot use an anonymous token.
    assertThat(held.held(r.token(), LAN)).isEmpty();
    assertThat(held.held("not-a-token", HeldUploads.ANONYMOUS)).isEmpty();
  }

  @Test
  void aPersonsOldestHoldGoesBeyondTheBound() {
    HeldUploads held = bean(HeldUploads.class);
    String owner = "bound.test";
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i <= HeldUploads.MAX_HOLDS_PER_OWNER; i++) {
      tokens.add(held.hold(null, owner, "files", "tep-" + i + ".txt", text("Tệp " + i)).token());
    }
    assertThat(held.held(tokens.get(0), owner)).isEmpty();
    assertThat(tokens.subList(1, tokens.size())).allSatisfy(t -> assertThat(held.held(t, owner)).hasSize(1));
  }

  private Path holdDir(String token) {
    return Path.of(bean(Environment.class).getProperty("govflow.data-dir"), "held-uploads", token);
  }

  private static HeldUploads.Content text(String s) {
    return () -> new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }

  private static String read(HeldUploads.Content content) throws Exception {
    try (InputStream in = content.open()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
