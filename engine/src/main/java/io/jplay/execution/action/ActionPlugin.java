package io.jplay.execution.action;

import java.util.Map;

/** A controller-side action (Ansible's action plugins that run no module). Returns the raw result. */
public interface ActionPlugin {

    Map<String, Object> run(ActionContext context);
}
