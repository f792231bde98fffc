package vn.govflow.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.UserOperationLogEntryEventEntity;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import vn.govflow.audit.AuditService;
import vn.govflow.identity.IdentityDirectory;
import vn.govflow.identity.Person;

/**
 * Copies the engine's user operations (complete, claim, deploy, suspend, delete …, done by a signed-in person
 * through our pages, the REST API or Cockpit) into GovFlow's audit log, in the same transaction.
 */
@Component
class EngineOperationAudit extends AbstractProcessEnginePlugin implements HistoryEventHandler {
  private final AuditService audit;
  private final IdentityDirectory directory;

  EngineOperationAudit(@Lazy AuditService audit, @Lazy IdentityDirectory directory) {
    this.audit = audit;
    this.directory = directory;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setEnableDefaultDbHistoryEventHandler(true);
    // Other plugins (Spring Boot's event publisher) add their handlers to the same, mutable, list.
    List<HistoryEventHandler> handlers = configuration.getCustomHistoryEventHandlers() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomHistoryEventHandlers());
    handlers.add(this);
    configuration.setCustomHistoryEventHandlers(handlers);
  }

  @Override
  public void handleEvent(HistoryEvent event) {
    if (!(event instanceof UserOperationLogEntryEventEntity entry) || entry.getUserId() == null) {
      return;
    }
    String object = entry.getTaskId() != null ? entry.getTaskId()
        : entry.getProcessInstanceId() != null ? entry.getProcessInstanceId()
        : entry.getDeploymentId() != null ? entry.getDeploymentId()
        : entry.getProcessDefinitionId();
    String detail = entry.getProperty() == null ? null
        : entry.getProperty() + ": " + entry.getOrgValue() + " → " + entry.getNewValue();
    audit.recordAs(entry.getUserId(), null, directory.person(entry.getUserId()).map(Person::agencyCode).orElse(null),
        "engine." + entry.getOperationType(), "engine-" + entry.getEntityType(), object, "SUCCESS", detail);
  }

  @Override
  public void handleEvents(List<HistoryEvent> events) {
    events.forEach(this::handleEvent);
  }

}
