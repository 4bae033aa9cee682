package cn.szcg.sla.notify.application;

import cn.szcg.platform.web.ProblemException;
import cn.szcg.sla.notify.infra.NotifyStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** The console inbox's commands: a person marks their own notification read. */
@ApplicationScoped
public class Inbox {

  @Inject NotifyStore store;

  @Transactional
  public void markRead(String personId, String notificationId) {
    if (!store.markRead(personId, notificationId)) {
      throw ProblemException.notFound("notification", notificationId);
    }
  }
}
