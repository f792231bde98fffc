package vn.govflow.designer;

import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Service;
import vn.govflow.common.error.UserError;

/** The path one instance took (issue #10 item 6): its activities in the order they started, from history. */
@Service
class InstancePaths {
  record Element(String elementId, String name, String type, Instant startedAt, Instant endedAt) {}

  record Path(String definitionId, List<Element> elements) {}

  private final HistoryService history;

  InstancePaths(HistoryService history) {
    this.history = history;
  }

  /** The instance's path; 404 when it does not exist or is not a case of {@code agencyCode}. */
  Path of(String instanceId, String agencyCode) {
    HistoricProcessInstance pi = instanceId == null ? null : history.createHistoricProcessInstanceQuery()
        .processInstanceId(instanceId).variableValueEquals("agencyCode", agencyCode).singleResult();
    if (pi == null) {
      throw UserError.notFound();
    }
    List<Element> elements = history.createHistoricActivityInstanceQuery().processInstanceId(instanceId)
        .orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc().list().stream()
        .map(a -> new Element(a.getActivityId(), a.getActivityName(), a.getActivityType(),
            InstanceMigration.at(a.getStartTime()), InstanceMigration.at(a.getEndTime())))
        .toList();
    return new Path(pi.getProcessDefinitionId(), elements);
  }
}
