package io.jplay.module;

import java.nio.file.Path;
import java.util.Map;

/**
 * Renders a controller-side Jinja2 template for the template module with the task's variables. The executor
 * provides it (backed by the Templar and the host's variables, plus Ansible's template_* variables); modules
 * stay free of templating.
 */
@FunctionalInterface
public interface TemplateRenderer {

    /**
     * @param template the resolved template file (for template_path and error messages)
     * @param text     its content
     * @param options  the task's template options: trim_blocks, lstrip_blocks, newline_sequence,
     *                 block_start_string, block_end_string, variable_start_string, variable_end_string,
     *                 comment_start_string, comment_end_string (null when unset)
     * @return the rendered text
     * @throws ModuleFailure with Ansible's message when rendering fails
     */
    String render(Path template, String text, Map<String, Object> options);
}
