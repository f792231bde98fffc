package vn.govflow.designer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import vn.govflow.support.Accessibility;
import vn.govflow.support.Browser;
import vn.govflow.support.BrowserTest;

/**
 * Issue #10 in a real browser: a process designer opens a process, adds a user task whose candidate group, form and
 * due date come from GovFlow's pickers and a service task from an element template, sees bpmnlint flag the
 * unconnected task and clear once it is connected, deploys with a version tag, and a new instance runs on that
 * version (shown on the insight page) and is moved to the next version from there; a person without the role is
 * refused; a hand-made bad delegate is refused before deployment and named on the diagram. Shapes are created
 * through the modeler (as the palette would); pickers, buttons and dialogs are used as a person uses them.
 */
class DesignerBrowserTest extends BrowserTest {
  private static final String DESIGNER = "huybq.skhcn";

  @Test
  void designerBuildsAProcessWithPickersAndTemplatesAndDeploysIt() throws Exception {
    String key = "portal-designer-demo";
    session.signInAs(DESIGNER);
    // A designer finds the designer in the header of every page.
    driver.get(baseUrl() + "/tasks");
    driver.findElement(By.id("nav-designer")).click();
    waitReady();
    seedDraft(key);
    driver.get(baseUrl() + "/designer");
    waitReady();
    Browser.waitForText(driver, By.tagName("h1"), "Thiết kế quy trình");
    assertThat(driver.findElement(By.id("models")).getText()).contains("portal-question", key);
    // At a phone's width each model is a card, every cell named by its column.
    Accessibility.assertPageAccessible(driver, "designer-list");
    assertThat(driver.findElement(By.cssSelector("tr[data-key='" + key + "'] td:nth-child(4)"))
        .getAttribute("data-label")).isEqualTo("Bản đã triển khai");
    driver.manage().window().setSize(new Dimension(390, 844));
    driver.get(baseUrl() + "/designer");
    waitReady();
    driver.findElement(By.id("filter-text")).sendKeys(key);
    driver.findElement(By.cssSelector("tr[data-key='" + key + "'] a.open")).click();
    // A phone gets a polite note instead of the editor.
    Browser.waitContaining(driver, By.cssSelector(".desktop-only-note"), "cần màn hình máy tính");
    session.assertFitsAndLabelled("designer-bpmn-phone.png");
    driver.manage().window().setSize(new Dimension(1366, 900));
    driver.get(baseUrl() + "/designer/bpmn/" + key);
    waitReady();
    // The palette's icons come from the bundled font (no CDN), served beside the bundles.
    session.await(() -> Boolean.TRUE.equals(js("return [...document.fonts].some(f => f.family.replace(/[\"']/g, '') === 'bpmn'"
        + " && f.status === 'loaded');")));

    // bpmn-js speaks Vietnamese on a Vietnamese page (its palette and panel words from the designer's messages).
    assertThat(driver.findElement(By.cssSelector(".djs-palette [data-action='create.start-event']"))
        .getAttribute("aria-label")).isEqualTo("Thêm sự kiện bắt đầu");
    // The bpmn.io watermark stays visible (their licence).
    assertThat(driver.findElement(By.cssSelector("#canvas .bjs-powered-by")).isDisplayed()).isTrue();

    // A new user task, not connected yet: bpmnlint marks it at once.
    String task = (String) js("const m = window.govflowModeler; const root = m.get('canvas').getRootElement();"
        + "const t = m.get('modeling').createShape({ type: 'bpmn:UserTask' }, { x: 330, y: 300 }, root);"
        + "m.get('modeling').updateLabel(t, 'Xem xét câu hỏi thử'); return t.id;");
    session.await(() -> !session.findNow(By.cssSelector(
        ".djs-overlays[data-container-id='" + task + "'] .bjsl-icon-error")).isEmpty());

    // Connected between the start and the end (the start's flow now ends at the task): the lint mark goes.
    js("const m = window.govflowModeler; const r = m.get('elementRegistry'); const mo = m.get('modeling');"
        + "mo.reconnectEnd(r.get('Flow_1'), r.get(arguments[0]), { x: 330, y: 300 });"
        + "mo.connect(r.get(arguments[0]), r.get('End'));", task);
    session.await(() -> session.findNow(By.cssSelector(
        ".djs-overlays[data-container-id='" + task + "'] .bjsl-icon-error")).isEmpty());

    // The user task's group, form and due date, picked in the panel's GovFlow group.
    select(task);
    openGroup("govflow");
    Select group = new Select(driver.findElement(By.id("bio-properties-panel-govflow-candidate-group")));
    WebElement firstGroup = group.getOptions().stream().filter(o -> !o.getAttribute("value").isEmpty())
        .findFirst().orElseThrow();
    String groupId = firstGroup.getAttribute("value");
    group.selectByValue(groupId);
    awaitProperty(task, "candidateGroups", groupId);
    new Select(driver.findElement(By.id("bio-properties-panel-govflow-form"))).selectByValue("portal-approve");
    awaitProperty(task, "formRef", "portal-approve");
    new Select(driver.findElement(By.id("bio-properties-panel-govflow-due"))).selectByValue("P5WD");
    awaitProperty(task, "dueDate", "P5WD");
    assertThat(js("const bo = window.govflowModeler.get('elementRegistry').get(arguments[0]).businessObject;"
        + "return [bo.get('camunda:candidateGroups'), bo.get('camunda:formRef'), bo.get('camunda:formRefBinding'),"
        + " bo.get('camunda:dueDate')].join(' ');", task)).isEqualTo(groupId + " portal-approve deployment P5WD");

    // A service task after it, configured only by choosing a GovFlow template.
    String service = (String) js("const m = window.govflowModeler; const r = m.get('elementRegistry');"
        + "const s = m.get('modeling').appendShape(r.get(arguments[0]), { type: 'bpmn:ServiceTask' },"
        + " { x: 520, y: 300 }); m.get('modeling').updateLabel(s, 'Ghi trạng thái thử'); return s.id;", task);
    select(service);
    assertThat(session.findNow(By.id("bio-properties-panel-delegateExpression"))).as("no free-typed bean").isEmpty();
    driver.findElement(By.cssSelector(".bio-properties-panel-select-template-button")).click();
    // The chooser searches when it lists many templates (GovFlow has dozens).
    session.findNow(By.cssSelector(".djs-popup input")).forEach(search -> search.sendKeys("portalStatus"));
    WebElement template = driver.findElement(By.cssSelector(
        ".djs-popup [data-id='apply-template-govflow.portal.portalStatus']"));
    // Named in the page's language (the browser itself asks for English).
    assertThat(template.getText()).contains("Ghi trạng thái câu hỏi");
    template.click();
    session.await(() -> "${portalStatus}".equals(js("return window.govflowModeler.get('elementRegistry')"
        + ".get(arguments[0]).businessObject.get('camunda:delegateExpression')", service)));

    // Validate on the server, then deploy through the dialog.
    driver.findElement(By.id("validate")).click();
    Browser.waitContaining(driver, By.id("designer-status"), "Mô hình hợp lệ");
    session.screenshot("designer-bpmn-desktop.png");
    driver.findElement(By.id("deploy")).click();
    driver.findElement(By.id("deploy-tag")).sendKeys("thu-1");
    driver.findElement(By.id("deploy-comment")).sendKeys("Thêm bước xem xét thử");
    driver.findElement(By.id("deploy-confirm")).click();
    Browser.waitContaining(driver, By.id("designer-status"), "Đã triển khai phiên bản");
    Accessibility.assertPageAccessible(driver, "designer-bpmn");

    // The history: the deployment's revision and the first draft, each with its author and comment; the older one
    // opens on the canvas (without the task added since).
    driver.findElement(By.id("history")).click();
    WebElement first = driver.findElement(By.cssSelector("#history-list li[data-revision='1']"));
    assertThat(first.getText()).contains("huybq.skhcn", "Bản đầu");
    assertThat(driver.findElement(By.cssSelector("#history-list li[data-revision='2']")).getText())
        .contains("huybq.skhcn", "Thêm bước xem xét thử");
    first.findElement(By.cssSelector("button.history-open")).click();
    Browser.waitContaining(driver, By.id("source"), "bản nháp số 1");
    assertThat(js("return !!window.govflowModeler.get('elementRegistry').get(arguments[0])", task)).isEqualTo(false);

    // A new instance runs on the deployed version, with the picked group and form.
    ProcessDefinition definition = bean(RepositoryService.class).createProcessDefinitionQuery()
        .processDefinitionKey(key).latestVersion().singleResult();
    assertThat(definition.getVersionTag()).isEqualTo("thu-1");
    // A case of the designer's agency (the one that runs the shared systems, else the deployment was refused).
    ProcessInstance instance = bean(RuntimeService.class).startProcessInstanceById(definition.getId(),
        java.util.Map.of("agencyCode", bean(DesignOwnership.class).provinceAgency()));
    Task created = bean(TaskService.class).createTaskQuery().processInstanceId(instance.getId()).singleResult();
    assertThat(created.getName()).isEqualTo("Xem xét câu hỏi thử");
    assertThat(created.getDueDate()).isNotNull();
    List<IdentityLink> links = bean(TaskService.class).getIdentityLinksForTask(created.getId());
    assertThat(links).anyMatch(l -> groupId.equals(l.getGroupId()));

    // The insight page draws the running instance on the task, and its path.
    driver.get(baseUrl() + "/designer/bpmn/" + key + "/insight");
    waitReady();
    driver.findElement(By.cssSelector("#stats-form button[type=submit]")).click();
    driver.findElement(By.cssSelector(".stat-badge[data-element-id='" + task + "']"));
    assertThat(driver.findElement(By.id("stats")).getText()).contains("Xem xét câu hỏi thử: 0 đã xong, 1 đang chạy");
    driver.findElement(By.id("instance")).sendKeys(instance.getId());
    driver.findElement(By.cssSelector("#path-form button[type=submit]")).click();
    Browser.waitContaining(driver, By.id("designer-status"), "bước hồ sơ đi qua");
    Accessibility.assertPageAccessible(driver, "designer-insight");

    // A second version (the service step renamed); the running case moves to it from the insight page.
    driver.get(baseUrl() + "/designer/bpmn/" + key);
    waitReady();
    js("const m = window.govflowModeler;"
        + "m.get('modeling').updateLabel(m.get('elementRegistry').get(arguments[0]), 'Ghi trạng thái (bản 2)');", service);
    driver.findElement(By.id("deploy")).click();
    driver.findElement(By.id("deploy-tag")).sendKeys("thu-2");
    driver.findElement(By.id("deploy-comment")).sendKeys("Đổi tên bước ghi trạng thái");
    driver.findElement(By.id("deploy-confirm")).click();
    Browser.waitContaining(driver, By.id("designer-status"), "Đã triển khai phiên bản 2");
    driver.get(baseUrl() + "/designer/bpmn/" + key + "/insight");
    waitReady();
    new Select(driver.findElement(By.id("migrate-from"))).selectByValue(definition.getId());
    driver.findElement(By.id("preview")).click();
    driver.findElement(By.cssSelector("#migration-list li.movable input[value='" + instance.getId() + "']"));
    driver.findElement(By.id("migrate")).click();
    Browser.waitContaining(driver, By.id("designer-status"), "Đã chuyển 1 hồ sơ");
    // The version chosen is the one drawn: version 2 by default, version 1 with its old step name on request.
    String serviceName = "return window.govflowViewer.get('elementRegistry').get(arguments[0]).businessObject.name";
    assertThat(js(serviceName, service)).isEqualTo("Ghi trạng thái (bản 2)");
    new Select(driver.findElement(By.id("definition"))).selectByValue(definition.getId());
    Browser.waitContaining(driver, By.id("drawn"), "phiên bản 1");
    assertThat(js(serviceName, service)).isEqualTo("Ghi trạng thái thử");
    assertThat(bean(RuntimeService.class).createProcessInstanceQuery().processInstanceId(instance.getId())
        .singleResult().getProcessDefinitionId()).isNotEqualTo(definition.getId());
  }

  @Test
  void theOtherPagesAtDesktopAndPhone() throws Exception {
    session.signInAs(DESIGNER);
    // The deadline table with its own tests under it, a row per case: they run against the table on the canvas.
    driver.get(baseUrl() + "/designer/dmn/portal-task-deadline");
    waitReady();
    List<WebElement> rows = driver.findElements(By.cssSelector("#tests-table tbody tr"));
    assertThat(rows).hasSize(3);
    assertThat(driver.findElement(By.cssSelector("#canvas .bjs-powered-by")).isDisplayed()).isTrue();
    assertThat(driver.findElement(By.cssSelector("#tests-table thead")).getText()).contains("Bước", "Độ khẩn",
        "Mong đợi: Số ngày làm việc");
    driver.findElement(By.id("tests-run")).click();
    Browser.waitContaining(driver, By.id("designer-status"), "Tất cả các trường hợp đều đạt");
    assertThat(driver.findElements(By.cssSelector("#tests-table tbody tr.pass"))).hasSize(3);
    // A wrong expectation fails that case, names the rule that matched and marks its row in the table.
    WebElement expected = driver.findElement(By.cssSelector("#tests-table tbody tr[data-case='0'] td:nth-last-child(3) input"));
    expected.clear();
    expected.sendKeys("4");
    driver.findElement(By.id("tests-run")).click();
    Browser.waitContaining(driver, By.id("designer-status"), "1/3 trường hợp không đạt");
    WebElement failed = driver.findElement(By.cssSelector("#tests-table tbody tr.fail[data-case='0']"));
    assertThat(failed.getText()).contains("Khớp hàng 1 (Rule_Triage)", "workingDays: mong đợi 4, thực tế 1");
    driver.findElement(By.cssSelector("#canvas tr.govflow-rule-failed td[data-row-id='Rule_Triage']"));
    // Rows are added and removed in the page.
    driver.findElement(By.id("tests-add")).click();
    assertThat(driver.findElements(By.cssSelector("#tests-table tbody tr"))).hasSize(4);
    driver.findElement(By.cssSelector("#tests-table tbody tr[data-case='3'] button.test-remove")).click();
    assertThat(driver.findElements(By.cssSelector("#tests-table tbody tr"))).hasSize(3);
    Accessibility.assertPageAccessible(driver, "designer-dmn");

    // A form deployed from its editor (it goes with the process that uses it).
    driver.get(baseUrl() + "/designer/form/portal-approve");
    waitReady();
    assertThat(js("return window.govflowModeler.saveSchema().schemaVersion")).isEqualTo(16L);
    driver.findElement(By.id("deploy")).click();
    driver.findElement(By.id("deploy-tag")).sendKeys("bieu-mau-1");
    driver.findElement(By.id("deploy-comment")).sendKeys("Triển khai lại biểu mẫu duyệt");
    driver.findElement(By.id("deploy-confirm")).click();
    Browser.waitContaining(driver, By.id("designer-status"), "Đã triển khai phiên bản");
    Accessibility.assertPageAccessible(driver, "designer-form");

    // The agency's own variant of a model: named in the heading, its drafts kept apart with their author.
    String agency = bean(DesignOwnership.class).provinceAgency();
    driver.get(baseUrl() + "/designer/form/portal-approve?agency=" + agency);
    waitReady();
    assertThat(driver.findElement(By.tagName("h1")).getText()).contains(agency);
    driver.findElement(By.id("save")).click();
    driver.findElement(By.id("save-comment")).sendKeys("Bản riêng của cơ quan");
    driver.findElement(By.id("save-confirm")).click();
    Browser.waitContaining(driver, By.id("designer-status"), "Đã lưu bản nháp số");
    driver.findElement(By.id("history")).click();
    // The dialog loads the revisions after it opens ("Đang tải…" first).
    Browser.waitContaining(driver, By.id("history-list"), "Bản riêng của cơ quan");
    assertThat(driver.findElement(By.id("history-list")).getText()).contains("huybq.skhcn");
    driver.findElement(By.id("history-close")).click();

    driver.get(baseUrl() + "/designer/bpmn/portal-question/diff");
    waitReady();
    Accessibility.assertPageAccessible(driver, "designer-diff");
  }

  @Test
  void aBadDelegateIsRefusedBeforeDeploymentAndNamedOnTheDiagram() {
    String key = "portal-designer-bad";
    session.signInAs(DESIGNER);
    driver.get(baseUrl() + "/designer");
    waitReady();
    seedDraft(key);
    driver.get(baseUrl() + "/designer/bpmn/" + key);
    waitReady();
    // A bean name typed by hand into the XML (the panel offers no way to): the server must refuse it.
    String bad = (String) js("const m = window.govflowModeler; const r = m.get('elementRegistry');"
        + "const mo = m.get('modeling');"
        + "const s = mo.createShape({ type: 'bpmn:ServiceTask' }, { x: 330, y: 300 }, m.get('canvas').getRootElement());"
        + "mo.updateLabel(s, 'Gọi bean không có'); mo.updateProperties(s, { 'camunda:delegateExpression': '${noSuchBean}' });"
        + "mo.reconnectEnd(r.get('Flow_1'), s, { x: 330, y: 300 }); mo.connect(s, r.get('End')); return s.id;");
    driver.findElement(By.id("deploy")).click();
    driver.findElement(By.id("deploy-tag")).sendKeys("sai-1");
    driver.findElement(By.id("deploy-comment")).sendKeys("Thử bean sai");
    driver.findElement(By.id("deploy-confirm")).click();
    Browser.waitContaining(driver, By.id("designer-status"), "Chưa triển khai được");
    driver.findElement(By.cssSelector(".djs-overlays[data-container-id='" + bad + "'] .govflow-problem-badge.error"));
    WebElement problem = driver.findElement(By.cssSelector("#problems li.error[data-element-id='" + bad + "']"));
    assertThat(problem.getText()).contains("Gọi bean không có");
    problem.findElement(By.tagName("button")).click();
    assertThat(js("return window.govflowModeler.get('selection').get().map(e => e.id).join(',')")).isEqualTo(bad);
    assertThat(bean(RepositoryService.class).createProcessDefinitionQuery().processDefinitionKey(key).count())
        .isZero();
  }

  @Test
  void withoutTheRoleTheDesignerIsRefused() {
    session.signInAs("lannt.skhcn");
    driver.get(baseUrl() + "/designer");
    Browser.waitContaining(driver, By.tagName("main"), "Chỉ người có vai trò thiết kế quy trình");
    assertThat(session.findNow(By.id("nav-designer"))).as("no designer link for a clerk").isEmpty();
    Object status = ((JavascriptExecutor) driver).executeAsyncScript("const done = arguments[0];"
        + "const token = (document.cookie.match(/XSRF-TOKEN=([^;]*)/) || [])[1];"
        + "fetch('/api/v1/designer/models/bpmn/portal-question/deploy', { method: 'POST', headers: {"
        + " 'Content-Type': 'application/json', 'X-XSRF-TOKEN': decodeURIComponent(token || '') },"
        + " body: JSON.stringify({ versionTag: 'x', comment: 'x' }) }).then(r => done(r.status));");
    assertThat(((Number) status).intValue()).isEqualTo(403);
  }

  private Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  private void waitReady() {
    session.await(() -> "true".equals(js("const d = document.getElementById('main');"
        + "return d ? d.dataset.ready || null : null;")) || !session.findNow(By.cssSelector(
        ".designer-status.error")).isEmpty());
    assertThat(session.findNow(By.cssSelector(".designer-status.error")).stream().map(WebElement::getText).toList())
        .as("page error on " + driver.getCurrentUrl()).isEmpty();
  }

  private void awaitProperty(String elementId, String property, String value) {
    try {
      session.await(() -> value.equals(js("return window.govflowModeler.get('elementRegistry').get(arguments[0])"
          + ".businessObject.get('camunda:' + arguments[1]) || null", elementId, property)));
    } catch (AssertionError e) {
      throw new AssertionError(property + " not " + value + ": " + js("const bo = window.govflowModeler"
          + ".get('elementRegistry').get(arguments[0]).businessObject; return JSON.stringify(bo.$attrs) + ' '"
          + " + [bo.get('camunda:candidateGroups'), bo.get('camunda:formRef'), bo.get('camunda:dueDate')].join('|')"
          + " + ' form select=' + (document.getElementById('bio-properties-panel-govflow-form') || {}).value",
          elementId), e);
    }
  }

  private void select(String elementId) {
    js("const m = window.govflowModeler; m.get('selection').select(m.get('elementRegistry').get(arguments[0]));",
        elementId);
  }

  private void openGroup(String id) {
    WebElement header = driver.findElement(By.cssSelector("[data-group-id='group-" + id + "'] "
        + ".bio-properties-panel-group-header"));
    if (!header.getAttribute("class").contains("open")) {
      header.click();
    }
  }

  /** A small process (start → end) saved as the designer's draft through the API, with the page's session. */
  private void seedDraft(String key) {
    String xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
            xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
            id="Definitions_%1$s" targetNamespace="http://govflow.vn/bpmn">
          <bpmn:process id="%1$s" name="Quy trình thử %1$s" isExecutable="true" camunda:historyTimeToLive="P3650D">
            <bpmn:startEvent id="Start" name="Bắt đầu"><bpmn:outgoing>Flow_1</bpmn:outgoing></bpmn:startEvent>
            <bpmn:endEvent id="End" name="Kết thúc"><bpmn:incoming>Flow_1</bpmn:incoming></bpmn:endEvent>
            <bpmn:sequenceFlow id="Flow_1" sourceRef="Start" targetRef="End"/>
          </bpmn:process>
          <bpmndi:BPMNDiagram id="Diagram_1"><bpmndi:BPMNPlane id="Plane_1" bpmnElement="%1$s">
            <bpmndi:BPMNShape id="Start_di" bpmnElement="Start"><dc:Bounds x="150" y="282" width="36" height="36"/></bpmndi:BPMNShape>
            <bpmndi:BPMNShape id="End_di" bpmnElement="End"><dc:Bounds x="750" y="282" width="36" height="36"/></bpmndi:BPMNShape>
            <bpmndi:BPMNEdge id="Flow_1_di" bpmnElement="Flow_1"><di:waypoint x="186" y="300"/><di:waypoint x="750" y="300"/></bpmndi:BPMNEdge>
          </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
        </bpmn:definitions>
        """.formatted(key);
    Object status = ((JavascriptExecutor) driver).executeAsyncScript("const done = arguments[arguments.length - 1];"
        + "const token = (document.cookie.match(/XSRF-TOKEN=([^;]*)/) || [])[1];"
        + "fetch('/api/v1/designer/models/bpmn/' + arguments[0] + '/drafts', { method: 'POST', headers: {"
        + " 'Content-Type': 'application/json', 'X-XSRF-TOKEN': decodeURIComponent(token || '') },"
        + " body: JSON.stringify({ content: arguments[1], comment: 'Bản đầu' }) }).then(r => done(r.status));",
        key, xml);
    assertThat(((Number) status).intValue()).isEqualTo(201);
  }
}
