package io.jplay.output;

import io.jplay.config.AnsibleConfig;
import io.jplay.config.Setting;

import java.util.Map;

/**
 * The default callback's options and the global settings it reads, with ansible-core 2.14's defaults.
 *
 * @param displaySkippedHosts    display_skipped_hosts
 * @param displayOkHosts         display_ok_hosts
 * @param displayFailedStderr    display_failed_stderr: failures and unreachables go to stderr
 * @param showCustomStats        show_custom_stats
 * @param showPerHostStart       show_per_host_start
 * @param checkModeMarkers       check_mode_markers: "DRY RUN" and "[CHECK MODE]"
 * @param showTaskPathOnFailure  show_task_path_on_failure
 * @param displayArgsToStdout    DISPLAY_ARGS_TO_STDOUT: task arguments in the TASK banner
 * @param actionWarnings         ACTION_WARNINGS: warnings and deprecations returned by modules
 * @param diffContext            DIFF_CONTEXT: lines of context around diff hunks
 * @param checkRun               the run was started with --check (CLIARGS['check'])
 */
public record CallbackOptions(boolean displaySkippedHosts, boolean displayOkHosts, boolean displayFailedStderr,
                              boolean showCustomStats, boolean showPerHostStart, boolean checkModeMarkers,
                              boolean showTaskPathOnFailure, boolean displayArgsToStdout, boolean actionWarnings,
                              int diffContext, boolean checkRun) {


    /** ansible-core's defaults, not a check run. */
    public static CallbackOptions defaults() {
        return new CallbackOptions(true, true, false, false, false, false, false, false, true, 3, false);
    }

    /**
     * The options from the configuration. The callback options and globals that io.jplay.config has no
     * Setting for yet (check_mode_markers, display_failed_stderr, show_per_host_start,
     * show_task_path_on_failure, ACTION_WARNINGS, DIFF_CONTEXT) are read from their environment variables
     * only, not from ansible.cfg.
     */
    public static CallbackOptions from(AnsibleConfig config, Map<String, String> env, boolean checkRun) {
        return new CallbackOptions(
                config.getBoolean(Setting.DISPLAY_SKIPPED_HOSTS),
                config.getBoolean(Setting.DISPLAY_OK_HOSTS),
                flag(env, "ANSIBLE_DISPLAY_FAILED_STDERR", false),
                config.getBoolean(Setting.SHOW_CUSTOM_STATS),
                flag(env, "ANSIBLE_SHOW_PER_HOST_START", false),
                flag(env, "ANSIBLE_CHECK_MODE_MARKERS", false),
                flag(env, "ANSIBLE_SHOW_TASK_PATH_ON_FAILURE", false),
                config.getBoolean(Setting.DISPLAY_ARGS_TO_STDOUT),
                flag(env, "ANSIBLE_ACTION_WARNINGS", true),
                integer(env, "ANSIBLE_DIFF_CONTEXT", 3),
                checkRun);
    }

    private static boolean flag(Map<String, String> env, String name, boolean fallback) {
        String raw = env.get(name);
        return raw == null ? fallback : io.jplay.config.Booleans.isTrue(raw);
    }

    private static int integer(Map<String, String> env, String name, int fallback) {
        try {
            return env.containsKey(name) ? Integer.parseInt(env.get(name).strip()) : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    public CallbackOptions withCheckRun(boolean value) {
        return new CallbackOptions(displaySkippedHosts, displayOkHosts, displayFailedStderr, showCustomStats,
                showPerHostStart, checkModeMarkers, showTaskPathOnFailure, displayArgsToStdout, actionWarnings,
                diffContext, value);
    }

    public CallbackOptions withCheckModeMarkers(boolean value) {
        return new CallbackOptions(displaySkippedHosts, displayOkHosts, displayFailedStderr, showCustomStats,
                showPerHostStart, value, showTaskPathOnFailure, displayArgsToStdout, actionWarnings,
                diffContext, checkRun);
    }

    public CallbackOptions withDisplaySkippedHosts(boolean value) {
        return new CallbackOptions(value, displayOkHosts, displayFailedStderr, showCustomStats,
                showPerHostStart, checkModeMarkers, showTaskPathOnFailure, displayArgsToStdout, actionWarnings,
                diffContext, checkRun);
    }

    public CallbackOptions withDisplayOkHosts(boolean value) {
        return new CallbackOptions(displaySkippedHosts, value, displayFailedStderr, showCustomStats,
                showPerHostStart, checkModeMarkers, showTaskPathOnFailure, displayArgsToStdout, actionWarnings,
                diffContext, checkRun);
    }

    public CallbackOptions withShowCustomStats(boolean value) {
        return new CallbackOptions(displaySkippedHosts, displayOkHosts, displayFailedStderr, value,
                showPerHostStart, checkModeMarkers, showTaskPathOnFailure, displayArgsToStdout, actionWarnings,
                diffContext, checkRun);
    }

    public CallbackOptions withDisplayArgsToStdout(boolean value) {
        return new CallbackOptions(displaySkippedHosts, displayOkHosts, displayFailedStderr, showCustomStats,
                showPerHostStart, checkModeMarkers, showTaskPathOnFailure, value, actionWarnings,
                diffContext, checkRun);
    }
}
