package vn.govflow.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.govflow.identity.IdentityDirectory;

/**
 * Plugs {@link AgencyDesignerAuthorizationProvider} into the engine, and at every start grants the designers of
 * their agency's open tasks that have no designer grant yet (databases from before the provider; idempotent).
 */
@Component
class AgencyDesignerPlugin extends AbstractProcessEnginePlugin {
  private static final int PAGE = 500;
  private static final Logger log = LoggerFactory.getLogger(AgencyDesignerPlugin.class);

  private final IdentityDirectory directory;
  private AgencyDesignerAuthorizationProvider provider;
  private ProcessEngineConfigurationImpl configuration;

  AgencyDesignerPlugin(IdentityDirectory directory) {
    this.directory = directory;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    this.configuration = configuration;
    provider = new AgencyDesignerAuthorizationProvider(directory);
    configuration.setResourceAuthorizationProvider(provider);
  }

  /** Backfill: every open task offered to the agency owning its case gets that agency's designer grants. */
  @EventListener(ApplicationReadyEvent.class)
  void grantOpenTasks() {
    if (configuration == null || !configuration.isAuthorizationEnabled()) {
      return;
    }
    // At start no one is signed in to the engine, so the query sees every task; paged under queryMaxResultsLimit.
    List<String> taskIds = new ArrayList<>();
    for (int first = 0; ; first += PAGE) {
      List<Task> page = configuration.getTaskService().createTaskQuery().orderByTaskId().asc().listPage(first, PAGE);
      page.forEach(t -> taskIds.add(t.getId()));
      if (page.size() < PAGE) {
        break;
      }
    }
    int granted = 0;
    for (String taskId : taskIds) {
      if (configuration.getCommandExecutorTxRequired().execute(context -> backfill(context, taskId))) {
        granted++;
      }
    }
    if (granted > 0) {
      log.info("Granted their agency's designers read access to {} open tasks of an older database", granted);
    }
  }

  private boolean backfill(CommandContext context, String taskId) {
    TaskEntity task = context.getTaskManager().findTaskById(taskId);
    if (task == null) {
      return false;
    }
    Set<Optional<String>> offeredTo = new LinkedHashSet<>();
    offeredTo.add(provider.agencyOfUser(task.getAssignee()));
    offeredTo.add(provider.agencyOfUser(task.getOwner()));
    for (IdentityLinkEntity link : task.getIdentityLinks()) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType())) {
        offeredTo.add(link.getGroupId() != null ? provider.agencyOfGroup(link.getGroupId())
            : provider.agencyOfUser(link.getUserId()));
      }
    }
    List<AuthorizationEntity> grants = new ArrayList<>();
    for (Optional<String> agency : offeredTo) {
      // Any reader group still without its grant (leaders read too since issue #13 item 22).
      if (agency.isPresent() && AgencyDesignerAuthorizationProvider.readerGroups(agency.get()).stream()
          .anyMatch(group -> context.getAuthorizationManager().findAuthorizationByGroupIdAndResourceId(
              Authorization.AUTH_TYPE_GRANT, group, Resources.TASK, taskId) == null)) {
        grants.addAll(provider.designerGrants(task, agency));
      }
    }
    if (grants.isEmpty()) {
      return false;
    }
    context.getAuthorizationManager().saveDefaultAuthorizations(grants.toArray(new AuthorizationEntity[0]));
    return true;
  }
}
