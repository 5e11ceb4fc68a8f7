package io.jplay.template.filter;

/**
 * Text that a template must keep as text: Ansible wraps the results of its string-type filters (string,
 * to_json, to_nice_json, to_yaml, to_nice_yaml: C.STRING_TYPE_FILTERS) in NativeJinjaText so that
 * {@code {{ x | to_json }}} is not turned back into a list or dict by the Templar's literal_eval step.
 */
public record NativeText(String text) implements CharSequence {

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public char charAt(int index) {
        return text.charAt(index);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return text.subSequence(start, end);
    }

    @Override
    public String toString() {
        return text;
    }
}
