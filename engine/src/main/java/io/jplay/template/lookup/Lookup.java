package io.jplay.template.lookup;

import io.jplay.template.filter.Args;

import java.util.List;

/** One lookup plugin: turns the call's terms (and keyword options) into a list of results. */
@FunctionalInterface
public interface Lookup {

    List<Object> run(List<Object> terms, Args options, LookupContext context);

    /** LookupBase._flatten: one level of lists flattened into the result. */
    static List<Object> flattenOnce(List<?> terms) {
        List<Object> result = new java.util.ArrayList<>();
        for (Object term : terms) {
            if (term instanceof List<?> list) {
                result.addAll(list);
            } else {
                result.add(term);
            }
        }
        return result;
    }
}
