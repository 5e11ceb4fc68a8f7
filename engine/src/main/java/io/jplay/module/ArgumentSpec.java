package io.jplay.module;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A module's accepted options and the constraints between them, as Ansible's AnsibleModule takes them
 * (argument_spec, mutually_exclusive, required_one_of, required_together, required_if, required_by).
 * Built fluently:
 * <pre>
 * ArgumentSpec.builder()
 *     .option("path", OptionType.PATH).required().aliases("dest", "name")
 *     .option("state", OptionType.STR).choices("file", "absent").defaultValue("file")
 *     .mutuallyExclusive("src", "content")
 *     .build();
 * </pre>
 */
public final class ArgumentSpec {

    /** Ansible's required_if entry: when {@code key == value}, all (or any) of {@code requirements} must be set. */
    public record RequiredIf(String key, Object value, List<String> requirements, boolean anyOf) {
    }

    private final Map<String, OptionSpec> options;
    private final List<List<String>> mutuallyExclusive;
    private final List<List<String>> requiredOneOf;
    private final List<List<String>> requiredTogether;
    private final List<RequiredIf> requiredIf;
    private final Map<String, List<String>> requiredBy;

    private ArgumentSpec(Builder b) {
        this.options = Collections.unmodifiableMap(new LinkedHashMap<>(b.options));
        this.mutuallyExclusive = List.copyOf(b.mutuallyExclusive);
        this.requiredOneOf = List.copyOf(b.requiredOneOf);
        this.requiredTogether = List.copyOf(b.requiredTogether);
        this.requiredIf = List.copyOf(b.requiredIf);
        this.requiredBy = Collections.unmodifiableMap(new LinkedHashMap<>(b.requiredBy));
    }

    public static Builder builder() {
        return new Builder();
    }

    public Map<String, OptionSpec> options() {
        return options;
    }

    public List<List<String>> mutuallyExclusive() {
        return mutuallyExclusive;
    }

    public List<List<String>> requiredOneOf() {
        return requiredOneOf;
    }

    public List<List<String>> requiredTogether() {
        return requiredTogether;
    }

    public List<RequiredIf> requiredIf() {
        return requiredIf;
    }

    public Map<String, List<String>> requiredBy() {
        return requiredBy;
    }

    public static final class Builder {
        private final Map<String, OptionSpec> options = new LinkedHashMap<>();
        private final List<List<String>> mutuallyExclusive = new ArrayList<>();
        private final List<List<String>> requiredOneOf = new ArrayList<>();
        private final List<List<String>> requiredTogether = new ArrayList<>();
        private final List<RequiredIf> requiredIf = new ArrayList<>();
        private final Map<String, List<String>> requiredBy = new LinkedHashMap<>();
        private String current;

        /** Starts a new option; the following calls until the next option() refine it. */
        public Builder option(String name, OptionType type) {
            options.put(name, new OptionSpec(name, type, false, null, null, List.of(), null, false));
            current = name;
            return this;
        }

        /** Adds all options of another spec (for example the common file attributes). */
        public Builder include(ArgumentSpec other) {
            options.putAll(other.options);
            mutuallyExclusive.addAll(other.mutuallyExclusive);
            requiredOneOf.addAll(other.requiredOneOf);
            requiredTogether.addAll(other.requiredTogether);
            requiredIf.addAll(other.requiredIf);
            requiredBy.putAll(other.requiredBy);
            current = null;
            return this;
        }

        private OptionSpec cur() {
            if (current == null) {
                throw new IllegalStateException("call option() first");
            }
            return options.get(current);
        }

        private Builder replace(OptionSpec spec) {
            options.put(spec.name(), spec);
            return this;
        }

        public Builder required() {
            OptionSpec o = cur();
            return replace(new OptionSpec(o.name(), o.type(), true, o.defaultValue(), o.choices(), o.aliases(), o.elements(), o.noLog()));
        }

        public Builder defaultValue(Object value) {
            OptionSpec o = cur();
            return replace(new OptionSpec(o.name(), o.type(), o.required(), value, o.choices(), o.aliases(), o.elements(), o.noLog()));
        }

        public Builder choices(Object... values) {
            OptionSpec o = cur();
            return replace(new OptionSpec(o.name(), o.type(), o.required(), o.defaultValue(), Arrays.asList(values), o.aliases(), o.elements(), o.noLog()));
        }

        public Builder aliases(String... names) {
            OptionSpec o = cur();
            return replace(new OptionSpec(o.name(), o.type(), o.required(), o.defaultValue(), o.choices(), List.of(names), o.elements(), o.noLog()));
        }

        public Builder elements(OptionType type) {
            OptionSpec o = cur();
            return replace(new OptionSpec(o.name(), o.type(), o.required(), o.defaultValue(), o.choices(), o.aliases(), type, o.noLog()));
        }

        public Builder noLog() {
            OptionSpec o = cur();
            return replace(new OptionSpec(o.name(), o.type(), o.required(), o.defaultValue(), o.choices(), o.aliases(), o.elements(), true));
        }

        public Builder mutuallyExclusive(String... names) {
            mutuallyExclusive.add(List.of(names));
            return this;
        }

        public Builder requiredOneOf(String... names) {
            requiredOneOf.add(List.of(names));
            return this;
        }

        public Builder requiredTogether(String... names) {
            requiredTogether.add(List.of(names));
            return this;
        }

        public Builder requiredIf(String key, Object value, String... requirements) {
            requiredIf.add(new RequiredIf(key, value, List.of(requirements), false));
            return this;
        }

        public Builder requiredIfAny(String key, Object value, String... requirements) {
            requiredIf.add(new RequiredIf(key, value, List.of(requirements), true));
            return this;
        }

        public Builder requiredBy(String key, String... requirements) {
            requiredBy.put(key, List.of(requirements));
            return this;
        }

        public ArgumentSpec build() {
            return new ArgumentSpec(this);
        }
    }
}
