package io.jplay.execution;

import io.jplay.output.TaskInfo;
import io.jplay.vars.VarsContext;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One task for one host, with what surrounds it: the play's variables context for the host, the play's
 * keywords, the display facts and the directories relative files are searched in.
 */
record HostTask(String host, HostCursor.Step step, VarsContext context, Map<String, Object> playKeywords,
                TaskInfo info, List<Path> searchDirs, List<String> taskHosts) {

    Inheritance inherited() {
        return new Inheritance(step.task(), step.parents(), playKeywords);
    }
}
