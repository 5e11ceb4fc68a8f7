package io.jplay.output;

/**
 * What the output needs to know of a play.
 *
 * @param name      play.get_name(): the templated name, or the hosts pattern when unnamed
 * @param checkMode the play runs in check mode (for the [CHECK MODE] marker)
 * @param strategy  "linear", "free", "host_pinned", ... (free strategies print the name of each task as it comes)
 */
public record PlayInfo(String name, boolean checkMode, String strategy) {

    public PlayInfo {
        name = name == null ? "" : name;
        strategy = strategy == null ? "linear" : strategy;
    }

    public static PlayInfo of(String name) {
        return new PlayInfo(name, false, "linear");
    }

    boolean isFreeStrategy() {
        return switch (strategy) {
            case "free", "host_pinned", "ansible.builtin.free", "ansible.builtin.host_pinned",
                    "ansible.legacy.free", "ansible.legacy.host_pinned" -> true;
            default -> false;
        };
    }
}
