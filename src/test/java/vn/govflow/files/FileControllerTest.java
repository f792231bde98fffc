package vn.govflow.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.MediaType;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import vn.govflow.common.web.ApiExceptionHandler;
import vn.govflow.identity.CurrentUser;

class FileControllerTest {
  @TempDir
  Path root;

  FilesFixture fx;
  MockMvc mvc;
  final AtomicReference<CurrentUser> signedIn = new AtomicReference<>(FilesFixture.CLERK_A);
  final ObjectMapper json = Jackson2ObjectMapperBuilder.json().build();

  @BeforeEach
  void setUp() {
    fx = new FilesFixture(root);
    FileController controller = new FileController(fx.service, () -> Optional.ofNullable(signedIn.get()));
    mvc = MockMvcBuilders.standaloneSetup(controller)
        .setControllerAdvice(new ApiExceptionHandler())
        .setMessageConverters(new MappingJackson2HttpMessageConverter(json),
            new org.springframework.http.converter.ResourceHttpMessageConverter())
        .build();
  }

  @AfterEach
  void tearDown() {
    fx.close();
  }

  private MvcResult upload(String name, byte[] bytes) throws Exception {
    return mvc.perform(multipart("/api/v1/files").file(new MockMultipartFile("file", name, "application/octet-stream",
        bytes))).andReturn();
  }

  @Test
  void uploadReadMetadataAndDownload() throws Exception {
    byte[] pdf = Samples.pdf("Quyet dinh so 4");
    MvcResult created = mvc.perform(multipart("/api/v1/files")
            .file(new MockMultipartFile("file", "Quyet_dinh_4.pdf", "application/pdf", pdf)))
        .andExpect(status().isCreated())
        .andExpect(header().string("Location", startsWith("http://localhost/api/v1/files/")))
        .andExpect(jsonPath("$.name").value("Quyet_dinh_4.pdf"))
        .andExpect(jsonPath("$.mediaType").value("application/pdf"))
        .andExpect(jsonPath("$.size").value(pdf.length))
        .andExpect(jsonPath("$.sha256").isString())
        .andExpect(jsonPath("$.textStatus").value("EXTRACTED"))
        .andExpect(jsonPath("$.uploadedAt").isString())
        .andReturn();
    JsonNode body = json.readTree(created.getResponse().getContentAsString());
    String id = body.get("id").asText();
    assertThat(created.getResponse().getHeader("Location")).endsWith("/api/v1/files/" + id);

    mvc.perform(get("/api/v1/files/{id}", id))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.id").value(id))
        .andExpect(jsonPath("$.name").value("Quyet_dinh_4.pdf"));

    mvc.perform(get("/api/v1/files/{id}/content", id))
        .andExpect(status().isOk())
        .andExpect(content().contentType("application/pdf"))
        .andExpect(header().string("Content-Disposition", containsString("attachment")))
        .andExpect(header().string("Content-Disposition", containsString("Quyet_dinh_4.pdf")))
        .andExpect(header().string("X-Content-Type-Options", "nosniff"))
        .andExpect(content().bytes(pdf));

    // The same agency's colleague sees it; another agency gets the same 404 as an unknown id.
    signedIn.set(FilesFixture.HANDLER_A);
    mvc.perform(get("/api/v1/files/{id}", id)).andExpect(status().isOk());
    signedIn.set(FilesFixture.CLERK_B);
    mvc.perform(get("/api/v1/files/{id}", id))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.code").value("not-found"));
    mvc.perform(get("/api/v1/files/{id}/content", id)).andExpect(status().isNotFound());
    mvc.perform(get("/api/v1/files/{id}", "3f0c2a55-1111-4222-8333-944455556666"))
        .andExpect(status().isNotFound());
  }

  @Test
  void refusedNameIsAProblemWithASuggestion() throws Exception {
    MvcResult r = upload("Công văn số 12.pdf", Samples.pdf("x"));
    assertThat(r.getResponse().getStatus()).isEqualTo(400);
    assertThat(r.getResponse().getContentType()).startsWith("application/problem+json");
    JsonNode problem = json.readTree(r.getResponse().getContentAsByteArray());
    assertThat(problem.get("code").asText()).isEqualTo("file-name-invalid");
    assertThat(problem.get("suggestedName").asText()).isEqualTo("Cong_van_so_12.pdf");
    assertThat(problem.get("messageVi").asText()).contains("Cong_van_so_12.pdf");
    assertThat(problem.get("messageEn").asText()).contains("ASCII");
    assertThat(fx.filesOnDisk()).isEmpty();
  }

  @Test
  void anExecutableNamedPdfIs415() throws Exception {
    MvcResult r = upload("hoso.pdf", Samples.executable());
    assertThat(r.getResponse().getStatus()).isEqualTo(415);
    JsonNode problem = json.readTree(r.getResponse().getContentAsByteArray());
    assertThat(problem.get("code").asText()).isEqualTo("file-type-mismatch");
    assertThat(problem.get("messageEn").asText()).contains("application/pdf");
    assertThat(fx.filesOnDisk()).isEmpty();
  }

  @Test
  void anEmptyFileIs400() throws Exception {
    assertThat(upload("rong.txt", new byte[0]).getResponse().getStatus()).isEqualTo(400);
  }

  @Test
  void aClientPathIsReducedToTheFileName() throws Exception {
    MvcResult r = upload("C:\\fakepath\\bao_cao.txt", Samples.txt("Bao cao"));
    assertThat(r.getResponse().getStatus()).isEqualTo(201);
    assertThat(json.readTree(r.getResponse().getContentAsByteArray()).get("name").asText()).isEqualTo("bao_cao.txt");
  }

  @Test
  void withoutASignedInUserNothingIsStored() throws Exception {
    signedIn.set(null);
    assertThat(upload("a.txt", Samples.txt("x")).getResponse().getStatus()).isEqualTo(401);
    assertThat(fx.mapper.count()).isZero();
  }
}
